package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The built-in shapes story. The data set, the two models and the report arrive with the demo issue. */
@Command(name = "demo", description = "Build the demo report: a flawed and a fixed shapes classifier, side by side.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/demo).")
    Path out = Path.of("reports", "demo");

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw GlassboxException.usage("the demo is not yet available: the shapes data set and its models are"
                + " still being built (try 'glassbox inspect MODEL --verify-gradients')");
    }
}
