package dev.linmem.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory's entries as fd_readdir reports them: "." and ".." first (as POSIX readdir and
 * wasmtime do), then the host's entries in the host's order, each with its inode and file type
 * (a symbolic link is reported as a link, not as what it points to).
 */
final class DirectoryListing {
    /** One entry: its name in UTF-8, inode and {@code $filetype}. */
    record Entry(byte[] name, long inode, int filetype) {
    }

    private DirectoryListing() {
    }

    static List<Entry> read(Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(entry(".", directory));
        Path parent = directory.getParent();
        entries.add(entry("..", parent != null ? parent : directory));
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                try {
                    FileStats.Stat stat = FileStats.stat(child, false);
                    entries.add(new Entry(child.getFileName().toString().getBytes(StandardCharsets.UTF_8), stat.inode(), stat.filetype()));
                } catch (IOException removedMeanwhile) {
                    // Gone between listing and stat: as if listed a moment later.
                }
            }
        }
        return entries;
    }

    private static Entry entry(String name, Path path) throws IOException {
        FileStats.Stat stat = FileStats.stat(path, true);
        return new Entry(name.getBytes(StandardCharsets.UTF_8), stat.inode(), Abi.FILETYPE_DIRECTORY);
    }
}
