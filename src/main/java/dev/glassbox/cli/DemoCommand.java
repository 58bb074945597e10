package dev.glassbox.cli;

import dev.glassbox.demo.ShapesDemo;
import dev.glassbox.battery.RunPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox demo}: the built-in shapes story. */
@Command(name = "demo", description = {"Build the demo report: a shapes classifier that learned shortcuts (a blue"
        + " background for stars, a corner tag for crosses) beside one trained on clean pictures.",
        "Makes its test pictures under fixtures/data on first use. Exits 0 once the report is written."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/demo).")
    Path out;

    @Option(names = "--single-file", description = "Also write the report as one HTML file beside the folder,"
            + " OUT.html, with its pictures inside.")
    boolean singleFile;

    @Mixin
    MemoryOption memory;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path home = Home.folder();
        Path target = out != null ? out : home.resolve("reports").resolve("demo");
        PrintWriter stdout = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        ShapesDemo.at(home).write(target, singleFile, RunPlan.timestampNow(), memory.budget(),
                ProgressBar.onStderr(spec.commandLine().getErr()));
        stdout.println(ReportCommand.wrote(target, singleFile, t0));
        stdout.flush();
        return 0;
    }
}
