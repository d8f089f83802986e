package dev.ratchet.campaign;

import dev.ratchet.log.event.AuditStarted;
import dev.ratchet.log.event.LibraryRolledBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The morning-after steps on a campaign's log: re-checking its promotions, bisecting its promotion
 * chain, rolling back to an earlier version. Every step is an event appended to the campaign's own
 * log; an audit's episodes and comparisons are decided by {@link AuditStep} from the folded log, so
 * one killed at any point finishes, without repeating anything, when it is run again, and replay
 * regenerates it. The static checks run on a state folded read-only, so bad arguments are refused
 * before anything is opened for writing.
 */
public final class Auditor {

    private final CampaignRunner runner;
    private final AuditStep step;

    Auditor(CampaignRunner runner, AuditStep step) {
        this.runner = runner;
        this.step = step;
    }

    /** What an audit command does: resume the open audit, show a finished one, or start one. */
    public record Plan(AuditStarted audit, boolean start, boolean finished) {}

    /**
     * Runs the audit a plan names: appends its start when it is new, then runs it (or what is left of
     * it) to its end; a finished one is left alone. Returns the state after it.
     */
    public LoopState run(Plan plan) {
        if (plan.start()) {
            runner.input(plan.audit());
        }
        return runner.audit(step);
    }

    /** Finishes the open audit, if there is one: what replay does after copying an audit's start. */
    public LoopState finishOpen() {
        return runner.audit(step);
    }

    /** Appends a rollback checked by {@link #rollback(LoopState, String, String)}. */
    public LoopState append(LibraryRolledBack rollback) {
        return runner.input(rollback);
    }

    /**
     * The plan for an audit like {@code wanted}: the open audit when it is one (an interrupted run of
     * the same command), the latest finished one with the same arguments unless {@code again}, or
     * {@code wanted} under the next free name.
     *
     * @throws IllegalArgumentException when the campaign has not stopped, or another audit is open
     */
    public static Plan plan(LoopState state, String kind, String good, String bad, String env, boolean again) {
        return plan(state, new AuditStarted("?", kind, good, bad, env), again);
    }

    /**
     * As above for an audit like {@code wanted}, whose name is ignored.
     *
     * @throws IllegalArgumentException when the campaign has not stopped, or another audit is open
     */
    public static Plan plan(LoopState state, AuditStarted wanted, boolean again) {
        if (!state.isStopped()) {
            throw new IllegalArgumentException("the campaign has not stopped (it is running or was interrupted):"
                    + " finish it with `ratchet run --resume` first; an audit compares the versions of a finished"
                    + " campaign");
        }
        Optional<AuditStarted> open = state.audits().open();
        if (open.isPresent()) {
            AuditStarted o = open.get();
            if (!Audits.sameArguments(o, wanted)) {
                throw new IllegalArgumentException(o.audit() + " was interrupted; finish it first with: " + command(o));
            }
            return new Plan(o, false, false);
        }
        Optional<AuditStarted> before = state.audits().latest(wanted);
        if (before.isPresent() && !again) {
            return new Plan(before.get(), false, true);
        }
        String name = state.audits().nextName(wanted.kind());
        return new Plan(
                new AuditStarted(
                        name,
                        wanted.kind(),
                        wanted.good(),
                        wanted.bad(),
                        wanted.env(),
                        wanted.version(),
                        wanted.envs()),
                true,
                false);
    }

    /** The command line that finishes an interrupted audit. */
    static String command(AuditStarted o) {
        String campaign = " CAMPAIGN";
        if (AuditStarted.ABLATE.equals(o.kind())) {
            return "ratchet ablate" + campaign + " " + o.version();
        }
        if (AuditStarted.TRANSFER.equals(o.kind())) {
            return "ratchet transfer" + campaign + " --envs '" + String.join(",", o.envs()) + "'";
        }
        return "ratchet " + o.kind() + campaign
                + (o.good() == null ? "" : " --good " + o.good() + " --bad " + o.bad())
                + (o.env() == null ? "" : " --env " + o.env());
    }

    /**
     * A version by reference: {@code initial}, {@code current}, a full version, or a unique prefix of
     * at least four characters, among the versions the campaign was at (its start and every promoted
     * version).
     *
     * @throws IllegalArgumentException naming the reference and the versions there are
     */
    public static String resolve(LoopState state, String ref) {
        if ("initial".equals(ref)) {
            return state.startVersion();
        }
        if ("current".equals(ref)) {
            return state.currentVersion();
        }
        List<String> versions = versions(state);
        List<String> matches = versions.stream()
                .filter(v -> v.equals(ref) || (ref.length() >= 4 && v.startsWith(ref)))
                .distinct()
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = String.join(", ", versions.stream().distinct().toList());
        throw new IllegalArgumentException(
                matches.isEmpty()
                        ? "unknown version '" + ref + "': the campaign's versions are " + known
                                + " (or initial, current)"
                        : "version prefix '" + ref + "' is ambiguous: " + String.join(", ", matches));
    }

    /**
     * The promotion chain from {@code good} to {@code bad} for a bisection.
     *
     * @throws IllegalArgumentException when {@code good} is not an earlier version on {@code bad}'s chain
     */
    public static List<String> chain(LoopState state, String good, String bad) {
        List<String> chain = state.audits().chain(good, bad);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("--good " + good + " is not an ancestor of --bad " + bad
                    + " on the campaign's promotion chain" + (good.equals(bad) ? " (they are the same version)" : ""));
        }
        return chain;
    }

    /**
     * The rollback event for making {@code ref} current again.
     *
     * @throws IllegalArgumentException for an unknown version, the current version, or no reason
     */
    public static LibraryRolledBack rollback(LoopState state, String ref, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("--reason is required and may not be blank: say why, for the log");
        }
        String version = resolve(state, ref);
        if (version.equals(state.currentVersion())) {
            throw new IllegalArgumentException(
                    "version " + version + " is already the campaign's current library: nothing to roll back");
        }
        return new LibraryRolledBack(
                state.currentVersion(), version, reason.strip(), state.current().number());
    }

    /**
     * The learned parts of {@code version} an ablation leaves out in turn, by label ({@code
     * skill:NAME}, {@code section:NAME}); empty when it holds nothing the campaign learned.
     */
    public static List<String> ablationParts(LoopState state, String version) {
        return AblationStep.parts(state, version).stream()
                .map(AblationParts.Part::label)
                .toList();
    }

    /** The versions the campaign was at: its start, then each promoted version, in order. */
    private static List<String> versions(LoopState state) {
        List<String> out = new ArrayList<>();
        out.add(state.startVersion());
        state.audits().promotions().forEach(p -> out.add(p.toVersion()));
        return out;
    }
}
