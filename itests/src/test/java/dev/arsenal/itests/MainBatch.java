package dev.arsenal.itests;

import dev.arsenal.launcher.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs many {@code arsenal} command lines in one JVM, through {@link Main#run} as {@code main}
 * does, so that an integration test can check dozens of files without a JVM start each. The
 * argument is a file of command lines, one a line, words separated by tabs; stdout gets a line per
 * command, in order: the exit status, a tab and what the command wrote to stderr (lines joined by
 * " | "). The commands must write their output to files. Run in a child JVM by {@link
 * Launcher#classPathCommand}.
 */
final class MainBatch {
    private MainBatch() {}

    public static void main(String[] args) throws IOException {
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(line.split("\t", -1), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            String messages = err.toString(StandardCharsets.UTF_8).strip().replace("\n", " | ");
            System.out.println(status + "\t" + messages);
            System.out.flush();
        }
    }
}
