package org.reflectlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: the same jar as the app, with a subcommand. */
@Command(name = "reflectlab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "ReflectLab on the command line: every experiment of the app, printed as tables and files.",
        subcommands = {InfoCommand.class, DataCommand.class, TrainCommand.class, PromptsCommand.class, ReflectCommand.class,
            GenEvalCommand.class, PoolCommand.class, AuditCommand.class, SweepCommand.class, WorldCommand.class, AphasiaCommand.class,
            ConceptsCommand.class, BenchCommand.class, ModelsCommand.class, ServeCommand.class, WorkerCommand.class, PipelineCommand.class, OpenCommand.class,
            CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit code for bad input (unknown word, out-of-range option). */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failure while running (I/O, model error). */
    public static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, args2) -> {
            // one line and where to look, not the whole usage (which buries the line that matters)
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(CliText.error(cut(parameterProblem(e))));
            cmd.getErr().println(CliText.tr("cli.help", cmd.getCommandSpec().qualifiedName()));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(CliText.error(cut(describe(e))));
            if (Boolean.getBoolean("reflectlab.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return badInput(e) ? BAD_INPUT : FAILED;
        });
        return cl.execute(args);
    }

    /**
     * A bad command line in the default locale's language. picocli writes its messages in English only (its resource
     * bundles cover the usage help, not the errors), so the common ones are said again from the exception's structure;
     * the rest keep picocli's English inside a translated frame.
     */
    static String parameterProblem(CommandLine.ParameterException e) {
        if (!CliText.japanese()) {
            return e.getMessage(); // picocli's own English, word for word as before (scripts and tests match on it)
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String what = String.join(" ", u.getUnmatched());
            return u.getSuggestions().isEmpty() ? CliText.tr("cli.unmatched", what)
                    : CliText.tr("cli.unmatched.near", what, String.join(", ", u.getSuggestions()));
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            return CliText.tr("cli.missing", String.join(", ", m.getMissing().stream().map(Cli::name).toList()));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            String detail = e.getCause() instanceof CommandLine.TypeConversionException t && t.getMessage() != null ? t.getMessage() : e.getMessage();
            return CliText.tr("cli.bad-value", name(e.getArgSpec()), e.getValue(), detail);
        }
        return CliText.tr("cli.other", e.getMessage());
    }

    private static String name(CommandLine.Model.ArgSpec a) {
        return a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel();
    }

    /** Refusals that are about what the user asked for, not failures while running: they exit 2. */
    static boolean badInput(Throwable e) {
        if (e instanceof org.reflectlab.core.scaling.SweepStore.Conflict) {
            return true;
        }
        return e instanceof org.reflectlab.core.store.ModelStoreException m
                && (m.reason() == org.reflectlab.core.store.ModelStoreException.Reason.BAD_NAME
                || m.reason() == org.reflectlab.core.store.ModelStoreException.Reason.BAD_LOCATION);
    }

    /** Longest message printed whole: errors that quote the input never echo a 1 MB argument back. */
    private static final int MAX_MESSAGE = 500;

    static String cut(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "... (" + (message.length() - MAX_MESSAGE) + " more characters left out)";
    }

    /** Signs that a message was written for programmers, not users. */
    private static final java.util.regex.Pattern INTERNAL = java.util.regex.Pattern.compile(
            "java\\.|javax\\.|org\\.nd4j|Cannot invoke|because \"|/ by zero|No enum constant|cannot be cast|Index \\d+ out of bounds");

    /** An exception as one line for the user: our own messages as they are, Java's internals never. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return CliText.tr("cli.memory", e.getMessage());
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return CliText.tr("cli.no-such-file", n.getFile());
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return CliText.tr("cli.denied", a.getFile());
        }
        if (diskFull(e)) {
            return CliText.tr("cli.disk-full", e.getMessage());
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        String m = e.getMessage();
        if (e instanceof org.reflectlab.core.store.ModelStoreException s && m != null && !INTERNAL.matcher(m).find()) {
            // the store's sentence names the model and the file (English); the headline says what kind of problem it is
            return switch (s.reason()) {
                case MISSING_MODEL, MISSING_FILE -> CliText.tr("cli.model.missing", m);
                case BAD_MANIFEST, TRUNCATED, CORRUPT, UNREADABLE, NOT_FINITE -> CliText.tr("cli.model.damaged", m);
                case DISK_FULL -> CliText.tr("cli.disk-full", m);
                default -> m;
            };
        }
        boolean ours = e instanceof java.io.IOException || e instanceof IllegalArgumentException
                || e instanceof org.reflectlab.core.store.ModelStoreException || e instanceof IllegalStateException;
        if (m == null || m.isBlank() || !ours || INTERNAL.matcher(m).find()) {
            return CliText.tr("cli.internal", e.getClass().getSimpleName());
        }
        return m;
    }

    /** A full disk, however it was reported (the store's reason, or the system's "No space left on device"). */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.reflectlab.core.store.ModelStoreException s && s.reason() == org.reflectlab.core.store.ModelStoreException.Reason.DISK_FULL
                    || t.getMessage() != null && (t.getMessage().contains("No space left on device") || t.getMessage().contains("the disk is full"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"ReflectLab " + (v == null ? "(development build)" : v)};
        }
    }
}
