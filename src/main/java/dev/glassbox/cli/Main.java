package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import dev.glassbox.files.DiskErrors;
import dev.glassbox.files.Interrupts;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code glassbox} command. Tests call {@link #run} with their own writers and check the exit code. */
@Command(name = "glassbox",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Explains image classifiers: where they look, which checks they pass, and what to fix.",
        subcommands = {InitCommand.class, ReportCommand.class, InspectCommand.class, ExplainCommand.class, BenchCommand.class, DemoCommand.class, ShapesCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine failed = e.getCommandLine();
            err.println("glassbox: " + e.getMessage().replace('\n', ' ').trim()
                    + suggestion(e) + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            return GlassboxException.Kind.USAGE.exitCode();
        });
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            boolean verbose = parsed.expandedArgs().contains("--verbose");
            if (Interrupts.isInterrupting() && !verbose) {
                // the work failed because an interrupt removed its files; the interrupt has said what happened
                return GlassboxException.Kind.INTERNAL.exitCode();
            }
            GlassboxException g = e instanceof GlassboxException ge ? ge
                    : DiskErrors.isDiskFull(e) ? DiskErrors.diskFull(DiskErrors.fileOf(e), e)
                    : GlassboxException.internal("internal error: " + e, e);
            err.println("glassbox: " + g.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            } else if (g.kind() == GlassboxException.Kind.INTERNAL) {
                err.println("glassbox: run again with --verbose for the stack trace, and please report it");
            }
            err.flush();
            return g.exitCode();
        });
        try {
            return cli.execute(args);
        } catch (Throwable e) {
            // picocli hands only Exceptions to the handler above; an Error (native libraries that fail to load,
            // native memory exhausted) still gets one line and the internal-error code.
            err.println("glassbox: internal error: " + e);
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return GlassboxException.Kind.INTERNAL.exitCode();
        }
    }

    private static String suggestion(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        return "";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
