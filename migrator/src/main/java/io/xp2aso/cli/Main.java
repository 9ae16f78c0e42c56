package io.xp2aso.cli;

import io.xp2aso.source.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Entry point: `xp2aso <command>`. Exit codes: 0 done, 1 findings at or above --fail-on, 2 bad input or usage. */
@Command(name = "xp2aso", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Moves Azure platforms from Crossplane to Azure Service Operator v2.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** What --version prints, for the tool and every command. */
    public static final String VERSION = "xp2aso " + io.xp2aso.migrate.MigrationPipeline.TOOL_VERSION;
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Bare `xp2aso`: the usage with every command (of the command line that has them registered). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; tests call this instead of main. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return execute(cl, args);
    }

    /** Executes a command line; an exhausted heap is reported like bad input, not as a stack trace. */
    static int execute(CommandLine cl, String... args) {
        PrintWriter err = cl.getErr();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Output goes to a staging folder that is removed on the way out, so nothing half-written remains.
            err.println("error: out of memory: the Java heap (max " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB) is too small for this input; raise it, e.g. XP2ASO_JAVA_OPTS=-Xmx4g ./xp2aso ... "
                    + "(about 1 GiB per 10,000 claims); nothing was written");
            return EXIT_BAD_INPUT;
        }
    }

    /** The exception's message and its causes' (an IOException names the path: "x: Not a directory"). */
    static String ioMessage(Throwable ex) {
        StringBuilder b = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
            String m = c instanceof java.nio.file.FileAlreadyExistsException fe ? fe.getFile() + " is a file, not a folder"
                    : c instanceof java.nio.file.AccessDeniedException ad ? ad.getFile() + ": permission denied"
                    : c instanceof java.nio.file.FileSystemException fse
                    ? fse.getFile() + (fse.getReason() == null ? "" : ": " + fse.getReason())
                    : c.getMessage();
            if (m != null && !b.toString().contains(m)) {
                b.append(": ").append(m);
            }
        }
        return b.toString();
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Commands.register(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputException ie) {
                err.println(ie.render());
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException || ex instanceof IOException) {
                // A folder that cannot be written or read (permissions, a file in the way, a full disk): one plain line.
                err.println("error: " + ioMessage(ex) + "; check that the path exists and is writable, or choose"
                        + " another folder (-o DIR)");
                return EXIT_BAD_INPUT;
            }
            err.println("error: " + ex);
            ex.printStackTrace(err);
            return EXIT_BAD_INPUT;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_BAD_INPUT;
        });
        return cl;
    }
}
