package dev.ratchet.cli;

import dev.ratchet.log.event.LibrarySnapshotted;
import dev.ratchet.projection.Decision;
import dev.ratchet.report.CampaignView;
import dev.ratchet.report.Figures;
import dev.ratchet.report.LibraryDiff;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratchet diff}: what changed in the library and the prompt between two versions. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows the library and prompt difference between two versions.",
            "Skills added, removed or modified (with a unified diff of their bodies) and prompt sections edited."
        })
public final class DiffCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "CAMPAIGN",
            description = "A campaign id (runs/<id>/events.db) or a path to an events.db.")
    String campaign;

    @Parameters(
            index = "1",
            paramLabel = "VERSION_A",
            description =
                    "initial, current, a version (or a unique prefix of at least 4 characters), or a candidate's id"
                            + " (promoted or not: its iteration's library with its edit).")
    String versionA;

    @Parameters(index = "2", paramLabel = "VERSION_B", description = "As VERSION_A.")
    String versionB;

    @Mixin
    RunsDir runsDir = new RunsDir();

    @Spec
    CommandSpec spec;

    private final EventLogOpener opener;

    public DiffCommand() {
        this(EventLogOpener.DEFAULT);
    }

    DiffCommand(EventLogOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        CandidateLibraries candidates = new CandidateLibraries();
        CampaignView view = opener.view(runsDir.logFile(campaign), candidates);
        LibrarySnapshotted a = resolve(view, candidates, versionA, "VERSION_A");
        LibrarySnapshotted b = resolve(view, candidates, versionB, "VERSION_B");
        PrintWriter out = spec.commandLine().getOut();
        out.print(LibraryDiff.between(a, b).render());
        out.flush();
        return ExitCodes.OK;
    }

    private static LibrarySnapshotted resolve(
            CampaignView view, CandidateLibraries candidates, String ref, String param) {
        Optional<LibrarySnapshotted> found;
        try {
            found = view.versions().resolve(ref);
        } catch (IllegalArgumentException e) {
            throw new UsageException(param + ": " + e.getMessage(), e);
        }
        Optional<String> promotedTo =
                view.history().candidate(ref).map(Decision::promotion).map(Decision.Promotion::toVersion);
        return found.or(() -> promotedTo.flatMap(v -> view.versions().version(v)))
                .or(() -> candidates.library(ref, view.versions()))
                .orElseThrow(() -> new UsageException(param + ": no library version '" + ref + "' in campaign "
                        + view.overview().campaignId() + "; snapshotted versions: "
                        + String.join(
                                ", ",
                                view.versions().versions().stream()
                                        .map(v -> Figures.shortVersion(v.version()))
                                        .toList())
                        + " (or initial, current, a candidate's id)"));
    }
}
