package io.xp2aso.handoff.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of a plan, saved beside it after every step so a stopped or killed run resumes where it stopped.
 * {@code planDigest} ties the state to one plan file: a changed plan is refused.
 */
public final class ExecutionState {
    public int schemaVersion = 1;
    public String planDigest = "";
    public Map<String, UnitState> units = new LinkedHashMap<>();
    /** ARM writes the handoff made (ASO's first PUT after manage), as epoch seconds by subscription: the hour's budget. */
    public Map<String, List<Long>> armWrites = new LinkedHashMap<>();

    public UnitState unit(String id) {
        return units.computeIfAbsent(id, k -> new UnitState());
    }

    /** One unit's progress and what the executor must remember between runs. */
    public static final class UnitState {
        /** Ids of completed steps, in order. */
        public List<String> done = new ArrayList<>();
        /** Live values before the executor changed them (pause annotations, MR policies), for rollback. */
        public Map<String, String> originals = new LinkedHashMap<>();
        /** The XR name read from the claim. */
        public String xrName = "";
        /** Azure IDs read live in preflight, by MR. */
        public Map<String, String> azureIds = new LinkedHashMap<>();
        /** The approval a step is waiting for: step id and the digest of what was shown. */
        public String pendingStep = "";
        public String pendingDigest = "";
        /** Approvals given, by step id: the digest of what was approved. */
        public Map<String, String> approved = new LinkedHashMap<>();
        /** Ready condition of each ASO resource before the switch to manage, to see ASO react. */
        public Map<String, String> manageBaseline = new LinkedHashMap<>();
        /** Secrets the executor created (removed again by rollback). */
        public List<String> createdSecrets = new ArrayList<>();
        /** Key names (never values) of Crossplane's connection Secrets that ASO replaces in place, read in preflight. */
        public Map<String, List<String>> secretKeys = new LinkedHashMap<>();
        public boolean retireStarted;
        /** The ARM writes of its manage step are taken from the hour's budget (once, even when manage is resumed). */
        public boolean armReserved;
        /** Field managers acknowledged by name (--ack-manager) in any run of this unit so far, sorted. */
        public List<String> ackManagers = new ArrayList<>();
    }
}
