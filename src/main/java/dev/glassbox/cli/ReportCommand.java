package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.battery.BatteryRunner;
import dev.glassbox.report.Report;
import dev.glassbox.report.Verdict;
import dev.glassbox.battery.RunPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glassbox report CONFIG.yaml}: run a battery and write its site. */
@Command(name = "report", description = {"Run the battery a config describes (see fixtures/batteries/example.yaml)"
        + " and write the report: a site, summary.json, junit.xml and a zip beside the folder (and with"
        + " --single-file the report as one HTML file beside it).",
        "Exit code: 0 when the verdict is below --fail-on, 1 when it reaches it, 2 for a config error, 3 for an"
                + " unreadable model, image or folder."})
final class ReportCommand implements Callable<Integer> {

    /** When the battery's verdict makes the command fail. */
    enum FailOn {
        fail, warn, never
    }

    @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "The battery config.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the config's output:, else"
            + " reports/<config name>). Wins over output:.")
    Path out;

    @Option(names = "--single-file", description = "Also write the whole report as one HTML file beside the folder,"
            + " OUT.html, with its pictures and stylesheet inside: it opens offline from an e-mail attachment.")
    boolean singleFile;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail", description = "Exit 1 when the"
            + " verdict is at least this: fail (default), warn, or never.")
    FailOn failOn;

    @Mixin
    MemoryOption memory;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BatteryConfig battery = BatteryConfig.load(config);
        Path target = out != null ? out : battery.output() != null ? battery.output()
                : Path.of("reports", baseName(battery.fileName()));
        long t0 = System.nanoTime();
        Report report = new BatteryRunner(battery, RunPlan.timestampNow(), memory.budget())
                .write(target, singleFile, ProgressBar.onStderr(spec.commandLine().getErr()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Verdict: %s. %s%n", report.verdict(), report.verdictNote());
        stdout.println(wrote(target, singleFile, t0));
        stdout.flush();
        return exitCode(report.verdict(), failOn);
    }

    /** "Wrote OUT, OUT.zip (and OUT.html) in 12.3 s. Open OUT/index.html in a browser." */
    static String wrote(Path target, boolean singleFile, long t0) {
        Path zip = target.resolveSibling(target.getFileName() + ".zip");
        String files = singleFile ? target + ", " + zip + " and " + target.resolveSibling(target.getFileName()
                + ".html") : target + " and " + zip;
        return String.format(Locale.ROOT, "Wrote %s in %.1f s. Open %s in a browser.", files,
                (System.nanoTime() - t0) / 1e9, target.resolve("index.html"));
    }

    /** 1 when the verdict reaches the level, else 0; "not-run" never fails. */
    static int exitCode(Verdict verdict, FailOn failOn) {
        boolean fails = switch (failOn) {
            case never -> false;
            case fail -> verdict.atLeast(Verdict.FAIL);
            case warn -> verdict.atLeast(Verdict.WARN);
        };
        return fails ? GlassboxException.Kind.CHECK_FAILED.exitCode() : 0;
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
