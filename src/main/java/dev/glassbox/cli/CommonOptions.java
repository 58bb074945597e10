package dev.glassbox.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--verbose", description = "On an error, print the stack trace as well.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this command's usage and exit.")
    boolean help;
}
