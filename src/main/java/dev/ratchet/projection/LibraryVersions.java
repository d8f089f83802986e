package dev.ratchet.projection;

import dev.ratchet.log.event.CampaignStarted;
import dev.ratchet.log.event.CandidatePromoted;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.LibraryRolledBack;
import dev.ratchet.log.event.LibrarySnapshotted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every library version whose content the log holds ({@code library.snapshotted}), in the order
 * first snapshotted, plus which version the campaign started from and which is current.
 */
public record LibraryVersions(List<LibrarySnapshotted> versions, String initial, String current) {

    public LibraryVersions {
        versions = List.copyOf(versions);
    }

    public static LibraryVersions of(Iterable<? extends Event> events) {
        return Fold.over(events, fold());
    }

    public static Fold<LibraryVersions> fold() {
        return new Builder();
    }

    public Optional<LibrarySnapshotted> version(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /**
     * A version by reference: {@code initial}, {@code current}, a full version or a unique prefix of
     * one (at least four characters).
     *
     * @throws IllegalArgumentException naming the reference when it is ambiguous
     */
    public Optional<LibrarySnapshotted> resolve(String ref) {
        if ("initial".equals(ref)) {
            return initial == null ? Optional.empty() : version(initial);
        }
        if ("current".equals(ref)) {
            return current == null ? Optional.empty() : version(current);
        }
        Optional<LibrarySnapshotted> exact = version(ref);
        if (exact.isPresent() || ref.length() < 4) {
            return exact;
        }
        List<LibrarySnapshotted> matches =
                versions.stream().filter(v -> v.version().startsWith(ref)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException("version prefix '" + ref + "' is ambiguous: "
                    + String.join(
                            ", ",
                            matches.stream().map(LibrarySnapshotted::version).toList()));
        }
        return matches.stream().findFirst();
    }

    private static final class Builder implements Fold<LibraryVersions> {
        private final List<LibrarySnapshotted> versions = new ArrayList<>();
        private String initial;
        private String current;

        @Override
        public void accept(Event e) {
            if (e instanceof LibrarySnapshotted s) {
                // A version snapshotted again (a promoted edit equal to one proposed earlier) carries
                // the promoted candidate's provenance: the later snapshot is the one to show.
                int at = indexOf(s.version());
                if (at < 0) {
                    versions.add(s);
                } else {
                    versions.set(at, s);
                }
            } else if (e instanceof CampaignStarted s) {
                initial = s.libraryVersion();
                current = s.libraryVersion();
            } else if (e instanceof CandidatePromoted p) {
                current = p.toVersion();
            } else if (e instanceof LibraryRolledBack r) {
                current = r.toVersion();
            }
        }

        private int indexOf(String version) {
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).version().equals(version)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public LibraryVersions result() {
            return new LibraryVersions(versions, initial, current);
        }
    }
}
