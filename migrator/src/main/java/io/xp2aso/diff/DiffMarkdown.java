package io.xp2aso.diff;

import io.xp2aso.diff.OutputDiff.FileChange;
import io.xp2aso.diff.OutputDiff.PlanStatus;
import io.xp2aso.diff.OutputDiff.PlanUnitChange;
import io.xp2aso.diff.OutputDiff.Status;
import io.xp2aso.diff.OutputDiff.UnitChange;
import io.xp2aso.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * diff.md, the pull-request comment: a summary table, new and resolved findings, the changed ASO manifests per
 * unit as unified diffs in collapsible sections, and the plan's changes. GitHub refuses comments over 65,536
 * characters, so the comment is kept under {@link #COMMENT_LIMIT}: when the whole report is longer, the comment
 * shows what fits (findings first) and points at {@link #FULL_FILE}, which always holds everything. The
 * whole plan of a unit a change adds or removes is only in {@link #FULL_FILE}: the comment shows its summary.
 */
public final class DiffMarkdown {
    public static final int COMMENT_LIMIT = 65_000;
    public static final String FULL_FILE = "diff-full.md";
    /** A hidden marker, so bots that update one sticky comment per pull request can find this one. */
    public static final String MARKER = "<!-- xp2aso-diff -->";
    private static final int NOTE_MAX = 300;

    private DiffMarkdown() {
    }

    /** {@code comment} is diff.md; {@code full} is diff-full.md; they are equal unless {@code truncated}. */
    public record Rendered(String comment, String full, boolean truncated) {
    }

    public static Rendered render(OutputDiff d) {
        return render(d, COMMENT_LIMIT);
    }

    static Rendered render(OutputDiff d, int limit) {
        String full = build(d, Integer.MAX_VALUE, true);
        String comment = build(d, Integer.MAX_VALUE, false);
        if (comment.length() <= limit) {
            return new Rendered(comment, full, false);
        }
        return new Rendered(build(d, limit, false), full, true);
    }

    /** {@code whole}: also the whole plan of each unit added or removed (diff-full.md), not only its summary. */
    private static String build(OutputDiff d, int limit, boolean whole) {
        boolean truncating = limit != Integer.MAX_VALUE;
        String footer = truncating ? "\n---\n> **Truncated.** This comment shows what fits under GitHub's size limit for "
                + "comments. The whole report is `" + FULL_FILE + "` in the output folder (and `diff.json` for tools); "
                + "the CI workflow uploads the folder as a build artifact.\n" : "";
        // Room kept for the footer and for the at most four "N more not shown" notes and the plan's status line.
        Doc doc = new Doc(limit, footer.length() + 6 * NOTE_MAX);

        doc.force(header(d));
        if (d.isEmpty()) {
            doc.force("No change: the ASO manifests, the findings and the handoff plan are the same at both refs.\n");
            return doc.text();
        }
        destructive(doc, d);
        findings(doc, "New findings", d.newFindings(), "introduced by " + code(d.head().ref()));
        findings(doc, "Resolved findings", d.resolvedFindings(), "present at " + code(d.base().ref()) + ", gone at "
                + code(d.head().ref()));
        units(doc, d);
        plan(doc, d, whole);
        doc.force(footer);
        return doc.text();
    }

    private static String header(OutputDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append(MARKER).append('\n');
        sb.append("## xp2aso: what this change does to the ASO output\n\n");
        sb.append("Base ").append(side(d.base())).append(" → head ").append(side(d.head())).append("\n\n");
        sb.append("| | base | head |\n| --- | ---: | ---: |\n");
        sb.append("| ASO manifests | ").append(manifests(d.base())).append(" | ").append(manifests(d.head())).append(" |\n");
        sb.append("| units with ASO output | ").append(unitDirs(d.base())).append(" | ").append(unitDirs(d.head())).append(" |\n");
        Map<Severity, Integer> b = OutputDiff.bySeverity(d.base().findings());
        Map<Severity, Integer> h = OutputDiff.bySeverity(d.head().findings());
        for (Severity s : Severity.values()) {
            sb.append("| ").append(plural(s)).append(" | ").append(b.get(s)).append(" | ").append(h.get(s)).append(" |\n");
        }
        sb.append('\n');
        if (!d.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!d.destructive().isEmpty()) {
                parts.add("**" + count(d.destructive().size(), "destructive change") + "**");
            }
            parts.add(count(d.units().size(), "unit") + " changed");
            parts.add(count(d.count(Status.ADDED), "manifest") + " added");
            parts.add(d.count(Status.REMOVED) + " removed");
            parts.add(d.count(Status.CHANGED) + " changed");
            parts.add(count(d.newFindings().size(), "new finding") + severities(d.newFindings()));
            parts.add(count(d.resolvedFindings().size(), "resolved finding") + severities(d.resolvedFindings()));
            parts.add("plan " + planWord(d.plan().status()));
            sb.append("**Changes:** ").append(String.join(" · ", parts)).append("\n\n");
        }
        return sb.toString();
    }

    /**
     * First, because it is what a reviewer must not miss: each Azure resource Crossplane deletes (or deletes and
     * creates again) when the change merges.
     */
    private static void destructive(Doc doc, OutputDiff d) {
        if (d.destructive().isEmpty()) {
            return;
        }
        doc.force("### ⚠️ Destructive changes (" + d.destructive().size() + ")\n\n"
                + "When this change merges, Crossplane deletes these Azure resources (or deletes and creates them "
                + "again). Orphan them first (`deletionPolicy: Orphan`, or `managementPolicies` without `Delete`) "
                + "if that is not intended.\n\n| change | unit | Azure resource | where | why |\n| --- | --- | --- | --- | --- |\n");
        int shown = 0;
        for (DestructiveChange c : d.destructive()) {
            String row = "| " + c.kind().label() + " | " + cellCode(c.unit()) + " | "
                    + cellCode(c.azure().isEmpty() ? c.resource() : c.azure())
                    + (c.azure().isEmpty() ? "" : "<br>" + text(c.resource())) + " | "
                    + (c.location().isEmpty() ? "" : cellCode(c.location())) + " | " + text(c.reason()) + " |\n";
            if (!doc.tryAdd(row)) {
                break;
            }
            shown++;
        }
        doc.add("\n");
        if (shown < d.destructive().size()) {
            doc.note((d.destructive().size() - shown) + " more destructive changes not shown; see `" + FULL_FILE + "`.");
        }
    }

    private static void findings(Doc doc, String title, List<DiffFinding> list, String what) {
        if (list.isEmpty()) {
            return;
        }
        String head = "### " + title + " (" + list.size() + ")\n\n" + capitalize(what) + ".\n\n"
                + "| severity | code | where | message |\n| --- | --- | --- | --- |\n";
        if (!doc.tryAdd(head)) {
            doc.note(list.size() + " " + title.toLowerCase() + " not shown; see `" + FULL_FILE + "`.");
            return;
        }
        int shown = 0;
        for (DiffFinding f : list) {
            String row = "| " + f.severity().label() + " | " + cellCode(f.code()) + " | "
                    + (f.location().isEmpty() ? "" : cellCode(f.location())) + " | " + text(f.message()) + " |\n";
            if (!doc.tryAdd(row)) {
                break;
            }
            shown++;
        }
        doc.add("\n");
        if (shown < list.size()) {
            doc.note((list.size() - shown) + " more not shown; see `" + FULL_FILE + "`.");
        }
    }

    private static void units(Doc doc, OutputDiff d) {
        if (d.units().isEmpty()) {
            return;
        }
        StringBuilder head = new StringBuilder("### Changed ASO manifests (" + count(d.units().size(), "unit") + ")\n\n");
        SortedMap<String, Integer> byComposition = new TreeMap<>();
        for (UnitChange u : d.units()) {
            if (!u.composition().isEmpty()) {
                byComposition.merge(u.composition(), 1, Integer::sum);
            }
        }
        if (!byComposition.isEmpty()) {
            head.append("| composition | units changed |\n| --- | ---: |\n");
            byComposition.forEach((c, n) -> head.append("| ").append(cellCode(c)).append(" | ").append(n).append(" |\n"));
            head.append('\n');
        }
        if (!doc.tryAdd(head.toString())) {
            doc.note(count(d.units().size(), "changed unit") + " not shown; see `" + FULL_FILE + "`.");
            return;
        }
        int omitted = 0;
        boolean listed = false;
        for (UnitChange u : d.units()) {
            if (!listed && omitted == 0 && doc.tryAdd(unitBlock(u))) {
                continue;
            }
            // No room for this unit's diffs: name it in one line, and keep naming the rest while that fits.
            String line = "- " + code(u.unitId()) + composition(u) + ": " + counts(u) + " (diffs in `" + FULL_FILE + "`)\n";
            if (omitted > 0 || !doc.tryAdd(line)) {
                omitted++;
            } else {
                listed = true;
            }
        }
        if (omitted > 0) {
            doc.note(count(omitted, "more changed unit") + " not shown; see `" + FULL_FILE + "`.");
        } else if (listed) {
            doc.add("\n");
        }
    }

    private static String unitBlock(UnitChange u) {
        StringBuilder sb = new StringBuilder();
        sb.append("<details>\n<summary><b>").append(html(u.unitId())).append("</b>");
        if (!u.composition().isEmpty()) {
            sb.append(" · composition <code>").append(html(u.composition())).append("</code>");
        }
        sb.append(" · ").append(counts(u)).append("</summary>\n\n");
        for (FileChange f : u.files()) {
            sb.append(code(f.path())).append(' ').append(f.status().label()).append("\n\n");
            sb.append(fenced("diff", f.diff()));
        }
        sb.append("</details>\n\n");
        return sb.toString();
    }

    private static void plan(Doc doc, OutputDiff d, boolean whole) {
        PlanStatus s = d.plan().status();
        if (s == PlanStatus.ABSENT) {
            return;
        }
        String status = "### Handoff plan\n\n`" + OutputDiffer.PLAN + "` " + planWord(s) + ".\n\n";
        doc.force(status);
        if (s == PlanStatus.UNCHANGED) {
            return;
        }
        if (!d.plan().units().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            planUnits(sb, "Units added to the plan", d.plan().units(), Status.ADDED);
            planUnits(sb, "Units removed from the plan", d.plan().units(), Status.REMOVED);
            planUnits(sb, "Units whose steps changed", d.plan().units(), Status.CHANGED);
            sb.append('\n');
            if (!doc.tryAdd(sb.toString())) {
                doc.note("The plan's unit list is not shown; see `" + FULL_FILE + "`.");
                return;
            }
        }
        // Unit by unit, each step's commands and texts as lines (not one-line JSON strings).
        int omitted = 0;
        for (PlanUnitChange u : d.plan().units()) {
            // An added or removed unit's whole plan would bury the rest: its summary here, the plan in diff-full.md.
            String body = u.status() == Status.CHANGED ? fenced("diff", u.diff())
                    : fenced("text", u.summary()) + (whole ? fenced("diff", u.diff()) : "");
            String block = "<details>\n<summary>plan of <code>" + html(u.id()) + "</code> (" + u.status().label()
                    + ")</summary>\n\n" + body + "</details>\n\n";
            if (omitted > 0 || !doc.tryAdd(block)) {
                omitted++;
            }
        }
        String settings = d.plan().units().isEmpty() ? d.plan().diff() : "";
        if (!settings.isEmpty() && !doc.tryAdd("<details>\n<summary>plan.json diff</summary>\n\n"
                + fenced("diff", settings) + "</details>\n\n")) {
            omitted++;
        }
        if (omitted > 0) {
            doc.note("The plan's diff of " + count(omitted, "unit") + " is not shown; see `" + FULL_FILE + "`.");
        }
    }

    private static void planUnits(StringBuilder sb, String title, List<PlanUnitChange> units, Status status) {
        List<String> codes = new ArrayList<>();
        for (PlanUnitChange u : units) {
            if (u.status() == status) {
                codes.add(code(u.id()));
            }
        }
        if (codes.isEmpty()) {
            return;
        }
        sb.append("- ").append(title).append(": ");
        sb.append(String.join(", ", codes)).append('\n');
    }

    private static String side(DiffSide s) {
        return s.commit().isEmpty() ? code(s.ref()) : code(s.ref()) + " (" + code(s.shortCommit()) + ")";
    }

    private static long manifests(DiffSide s) {
        return s.files().keySet().stream().filter(OutputDiffer::isManifest).count();
    }

    private static long unitDirs(DiffSide s) {
        return s.files().keySet().stream().filter(OutputDiffer::isManifest).map(OutputDiffer::dir).distinct().count();
    }

    private static String plural(Severity s) {
        return switch (s) {
            case ERROR -> "errors";
            case UNMAPPED -> "unmapped";
            case WARNING -> "warnings";
            case INFO -> "notes";
        };
    }

    private static String singular(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case UNMAPPED -> "unmapped";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String planWord(PlanStatus s) {
        return switch (s) {
            case ABSENT -> "absent";
            case UNCHANGED -> "unchanged";
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
        };
    }

    private static String severities(List<DiffFinding> list) {
        if (list.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        OutputDiff.bySeverity(list).forEach((s, n) -> {
            if (n > 0) {
                parts.add(n + " " + (n == 1 ? singular(s) : plural(s)));
            }
        });
        return " (" + String.join(", ", parts) + ")";
    }

    private static String counts(UnitChange u) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) {
            long n = u.count(s);
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return String.join(", ", parts);
    }

    private static String composition(UnitChange u) {
        return u.composition().isEmpty() ? "" : " (composition " + code(u.composition()) + ")";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A fenced block whose fence is longer than any backtick run inside, so content cannot close it. */
    static String fenced(String info, String content) {
        int run = 0;
        int longest = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + content + (content.endsWith("\n") || content.isEmpty() ? "" : "\n") + fence + "\n\n";
    }

    /** An inline code span, safe for any content: no mention, link or HTML inside code is ever interpreted. */
    static String code(String s) {
        String one = s.replace('\n', ' ');
        int run = 0;
        int longest = 0;
        for (int i = 0; i < one.length(); i++) {
            run = one.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String tick = "`".repeat(longest + 1);
        String pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
        return tick + pad + one + pad + tick;
    }

    /** A code span inside a table cell: a pipe would end the cell even inside code, so it is escaped. */
    static String cellCode(String s) {
        return code(s).replace("|", "\\|");
    }

    /**
     * Plain text from source files or messages, made inert in a table cell: no HTML, no @-mentions that would
     * notify people, no cell breaks.
     */
    static String text(String s) {
        return html(s).replace("|", "\\|").replace("@", "&#64;").replace("\r", "").replace("\n", " ");
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The document under construction, with a hard size limit and room reserved for the closing notes. */
    private static final class Doc {
        private final StringBuilder sb = new StringBuilder();
        private final long limit;
        private final int reserve;

        Doc(long limit, int reserve) {
            this.limit = limit;
            this.reserve = reserve;
        }

        boolean tryAdd(String block) {
            if ((long) sb.length() + block.length() + reserve > limit) {
                return false;
            }
            sb.append(block);
            return true;
        }

        void add(String block) {
            tryAdd(block);
        }

        /** Text that must appear; its room is part of the reserve (header, notes, plan status, footer). */
        void force(String block) {
            sb.append(block);
        }

        void note(String text) {
            // A blank line first: a line right after a table's rows would become another row.
            String lead = sb.length() == 0 || sb.toString().endsWith("\n\n") ? "" : sb.toString().endsWith("\n") ? "\n" : "\n\n";
            String n = lead + "_" + text + "_\n\n";
            sb.append(n.length() <= NOTE_MAX ? n : n.substring(0, NOTE_MAX - 3) + "_\n\n");
        }

        String text() {
            return sb.toString();
        }
    }
}
