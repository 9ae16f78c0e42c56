package io.xp2aso.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command, and every subcommand of a command, answers --help and --version on standard output with exit 0. */
class HelpAndVersionTest {
    private record Ran(int exit, String out, String err) {
    }

    private static Ran run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(exit, out.toString(), err.toString());
    }

    /** Command paths below the tool, e.g. [migrate], [mappings, list]. */
    private static List<List<String>> commands(CommandLine cl, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path);
            out.addAll(commands(sub, path));
        });
        return out;
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        List<List<String>> commands = commands(Main.commandLine(), List.of());
        assertTrue(commands.contains(List.of("migrate")) && commands.contains(List.of("mappings", "list")), commands.toString());
        for (List<String> command : commands) {
            List<String> help = new ArrayList<>(command);
            help.add("--help");
            Ran h = run(help);
            assertEquals(0, h.exit(), help + ": " + h.err());
            assertTrue(h.out().startsWith("Usage: xp2aso " + String.join(" ", command)), help + " printed: " + h.out());
            List<String> version = new ArrayList<>(command);
            version.add("--version");
            Ran v = run(version);
            assertEquals(0, v.exit(), version + ": " + v.err());
            assertEquals(Main.VERSION, v.out().strip(), version.toString());
        }
    }

    @Test
    void bareXp2asoListsEveryCommand() {
        Ran r = run(List.of());
        assertEquals(0, r.exit());
        for (List<String> c : commands(Main.commandLine(), List.of())) {
            if (c.size() == 1) {
                assertTrue(r.err().contains("  " + c.get(0) + " "), "bare xp2aso lists " + c + ":\n" + r.err());
            }
        }
        assertTrue(r.err().contains("migrate"), r.err());
    }
}
