package vn.hoinghi.media.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.hoinghi.media.yaml.ConfigException;

/** Entry point: {@code media-node-config size | plan | render}. */
@Command(name = "media-node-config", mixinStandardHelpOptions = true, version = "media-node-config 0.1.0",
        description = "Sizes, plans and configures HoiNghi's Jitsi fleet.",
        subcommands = {SizeCommand.class, PlanCommand.class, RenderCommand.class})
public final class MediaNodeConfigCli implements Runnable {
    /** Exit code for input the tool cannot use: bad YAML, bad parameter. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: size, plan or render");
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; the tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new MediaNodeConfigCli());
        cli.setOut(out);
        cli.setErr(err);
        // A person reads these: one line naming file, line and field, never a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException
                    || e instanceof java.io.IOException) {
                String message = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage()
                        : e.getMessage();
                commandLine.getErr().println("error: " + message);
                return BAD_INPUT;
            }
            throw e;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
