package dev.linmem.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory the guest holds: a preopen (then {@link #preopenName} is the name the guest sees)
 * or one opened by path_open. Every path the guest resolves against it stays inside
 * {@link #path}: the directory is the root of its capability (see {@link PathResolver}).
 */
final class OpenDirectory extends Descriptor {
    /** The host directory: absolute, with no symbolic link in it that the guest could change. */
    final Path path;
    /** The guest's name for a preopen (fd_prestat_dir_name), null for a directory opened later. */
    final String preopenName;
    /** fd_readdir's listing, taken when the guest reads from cookie 0 and kept for later cookies. */
    private List<DirectoryListing.Entry> listing;

    OpenDirectory(Path path, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.path = path;
        this.preopenName = preopenName;
    }

    @Override
    int filetype() {
        return Abi.FILETYPE_DIRECTORY;
    }

    @Override
    int fdflags() {
        return 0;
    }

    synchronized List<DirectoryListing.Entry> listing(long cookie) throws java.io.IOException {
        if (cookie == 0 || listing == null) {
            listing = DirectoryListing.read(path);
        }
        return listing;
    }

    @Override
    void close() {
        // Nothing is held open on the host: the directory is a path.
    }
}
