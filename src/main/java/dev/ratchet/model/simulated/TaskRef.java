package dev.ratchet.model.simulated;

import java.util.Optional;

/**
 * What the simulated agent reads from the user message: the instance id
 * ({@code <envId>@<seed>/d<difficulty>}) and the episode id that seeds this attempt's noise.
 */
record TaskRef(String envId, long seed, int difficulty, String episodeId) {

    private static final String TASK = "Task id: ";
    private static final String EPISODE = "Episode: ";

    static Optional<TaskRef> parse(String userMessage) {
        String task = null;
        String episode = "";
        for (String line : userMessage.split("\n")) {
            if (task == null && line.startsWith(TASK)) {
                task = line.substring(TASK.length()).strip();
            } else if (episode.isEmpty() && line.startsWith(EPISODE)) {
                episode = line.substring(EPISODE.length()).strip();
            }
        }
        if (task == null) {
            return Optional.empty();
        }
        int at = task.lastIndexOf('@');
        int d = task.lastIndexOf("/d");
        if (at <= 0 || d < at) {
            return Optional.empty();
        }
        try {
            long seed = Long.parseUnsignedLong(task.substring(at + 1, d));
            int difficulty = Integer.parseInt(task.substring(d + 2));
            return Optional.of(new TaskRef(task.substring(0, at), seed, difficulty, episode));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
