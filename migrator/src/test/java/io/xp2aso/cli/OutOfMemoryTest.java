package io.xp2aso.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exhausted heap is exit 2 with a sentence saying what to do, not a stack trace. */
class OutOfMemoryTest {
    @CommandLine.Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsExit2WithAdvice() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Hungry());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute(cl, "hungry"));
        assertTrue(err.toString().startsWith("error: out of memory: the Java heap (max "), err.toString());
        assertTrue(err.toString().contains("XP2ASO_JAVA_OPTS=-Xmx4g") && !err.toString().contains("\tat "), err.toString());
    }
}
