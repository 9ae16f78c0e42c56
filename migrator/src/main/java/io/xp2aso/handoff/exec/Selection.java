package io.xp2aso.handoff.exec;

import io.xp2aso.handoff.ManagedHandoff;
import io.xp2aso.handoff.ObjectRef;
import io.xp2aso.handoff.Sequences;
import io.xp2aso.handoff.UnitPlan;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A wave: the units {@code --select} picks. An expression is terms joined by commas, all of which must hold; several
 * {@code --select} take the units any of them picks. Terms: {@code namespace=NS} (the unit's namespace, {@code _cluster}
 * for cluster-scoped units), {@code unit=GLOB} (the unit id, {@code *} and {@code ?} as in a shell; a bare GLOB means
 * the same), {@code label=KEY=VALUE} or {@code label=KEY} (a label of the live claim, else of the XR or lone MR), and
 * {@code kind=K} (the claim's kind, else the XR's or the lone MR's, or the kind of unit: claim, xr, mr, claim-argocd...;
 * without case).
 */
public final class Selection {
    private final List<List<Term>> any;

    private record Term(String what, String key, String value, Pattern glob) {
    }

    private Selection(List<List<Term>> any) {
        this.any = any;
    }

    public static Selection parse(List<String> expressions) {
        List<List<Term>> any = new ArrayList<>();
        for (String expr : expressions) {
            List<Term> all = new ArrayList<>();
            for (String raw : expr.split(",")) {
                String t = raw.trim();
                if (t.isEmpty()) {
                    throw bad(expr, "an empty term");
                }
                int eq = t.indexOf('=');
                String what = eq < 0 ? "unit" : t.substring(0, eq).trim();
                String rest = eq < 0 ? t : t.substring(eq + 1).trim();
                if (rest.isEmpty()) {
                    throw bad(expr, "'" + what + "' without a value");
                }
                switch (what) {
                    case "namespace", "kind" -> all.add(new Term(what, "", rest, null));
                    case "unit" -> all.add(new Term(what, "", rest, glob(rest)));
                    case "label" -> {
                        int e2 = rest.indexOf('=');
                        all.add(new Term(what, e2 < 0 ? rest : rest.substring(0, e2), e2 < 0 ? null : rest.substring(e2 + 1), null));
                    }
                    default -> throw bad(expr, "unknown term '" + what + "' (namespace=, unit=, label=, kind=)");
                }
            }
            any.add(all);
        }
        return new Selection(any);
    }

    public boolean isEmpty() {
        return any.isEmpty();
    }

    /** Whether a label term is used: then the live labels of each unit's top object are read. */
    public boolean needsLabels() {
        return any.stream().flatMap(List::stream).anyMatch(t -> t.what().equals("label"));
    }

    /** The units picked, in plan order; {@code labels}: the live labels of a unit's claim (else XR or MR). */
    public List<UnitPlan> pick(List<UnitPlan> units, Function<UnitPlan, Map<String, String>> labels) {
        if (any.isEmpty()) {
            return units;
        }
        List<UnitPlan> out = new ArrayList<>();
        for (UnitPlan u : units) {
            if (any.stream().anyMatch(all -> all.stream().allMatch(t -> holds(t, u, labels)))) {
                out.add(u);
            }
        }
        return out;
    }

    private static boolean holds(Term t, UnitPlan u, Function<UnitPlan, Map<String, String>> labels) {
        return switch (t.what()) {
            case "namespace" -> u.id().substring(0, Math.max(0, u.id().indexOf('/'))).equals(t.value());
            case "unit" -> t.glob().matcher(u.id()).matches();
            case "kind" -> t.value().equalsIgnoreCase(topKind(u)) || t.value().equalsIgnoreCase(Sequences.of(u));
            default -> {
                Map<String, String> l = labels.apply(u);
                yield l.containsKey(t.key()) && (t.value() == null || t.value().equals(l.get(t.key())));
            }
        };
    }

    /** The object a unit's labels are read from: its claim, else its XR, else its lone MR (null when none). */
    public static ObjectRef top(UnitPlan u) {
        if (u.claim() != null) {
            return u.claim();
        }
        if (u.composite() != null && !u.composite().name().isEmpty()) {
            return u.composite();
        }
        return u.composite() == null && !u.resources().isEmpty() ? u.resources().get(0).ref() : null;
    }

    private static String topKind(UnitPlan u) {
        if (u.claim() != null) {
            return u.claim().kind();
        }
        if (u.composite() != null) {
            return u.composite().kind();
        }
        List<ManagedHandoff> r = u.resources();
        return r.isEmpty() ? "" : r.get(0).ref().kind();
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static InputException bad(String expr, String why) {
        return new InputException(new Origin("--select", 0), "'" + expr + "': " + why
                + "; terms are namespace=NS, unit=GLOB, label=KEY[=VALUE], kind=KIND, joined by commas");
    }

    @Override
    public String toString() {
        return any.toString().toLowerCase(Locale.ROOT);
    }
}
