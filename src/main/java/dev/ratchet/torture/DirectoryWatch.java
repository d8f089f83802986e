package dev.ratchet.torture;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a child process to write into a directory, woken by the file system rather than by a
 * timer, so that whoever reads another process's log neither sleeps nor spins. The directory may
 * not exist yet: its parent is watched until it appears.
 */
public final class DirectoryWatch implements AutoCloseable {

    private final WatchService service;
    private final Path dir;
    private boolean watchingDir;

    public DirectoryWatch(Path dir) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.dir = dir;
        Files.createDirectories(dir.getParent()).register(service, ENTRY_CREATE, ENTRY_MODIFY);
        watchDirOnceItExists();
    }

    /**
     * Returns once something in the directory changed since the last call; {@code atMost} bounds
     * the wait only so that a child that died silently cannot hang its watcher.
     */
    public void awaitChange(Duration atMost) throws IOException, InterruptedException {
        WatchKey key = service.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = service.poll();
        }
        watchDirOnceItExists();
    }

    private void watchDirOnceItExists() throws IOException {
        if (!watchingDir && Files.isDirectory(dir)) {
            dir.register(service, ENTRY_CREATE, ENTRY_MODIFY);
            watchingDir = true;
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
