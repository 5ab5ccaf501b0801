package dev.linmem.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest's path against a directory it holds, one component at a time, so that the
 * result never leaves that directory (the capability model of wasmtime's cap-std, done by hand):
 * <ul>
 * <li>an absolute path is NOTCAPABLE: a guest names files only relative to a directory it holds;</li>
 * <li>{@code ..} removes the last resolved component, and is NOTCAPABLE when there is none:
 * it may climb back up inside the directory, never above it;</li>
 * <li>a symbolic link met on the way (every component but the last, and the last too when the
 * lookup follows links or the path ends with a slash) is read and its target spliced into the
 * path: an absolute target is NOTCAPABLE, a relative one is resolved by the same rules, so
 * {@code ..} in it cannot climb out either. More than {@value #MAX_SYMLINK_EXPANSIONS}
 * expansions is LOOP.</li>
 * </ul>
 * Because a component is appended only after it was seen not to be a link, the host path that
 * comes out contains no link the guest could redirect, except a final one the caller asked not to
 * follow (and then acts on the link itself, with {@code NOFOLLOW_LINKS}).
 *
 * <p>Out of scope: races with the host. Another process that replaces a checked directory by a
 * link between this resolution and the operation can redirect it (cap-std closes that window
 * with openat on directory handles, which the JDK does not offer).
 */
final class PathResolver {
    static final int MAX_SYMLINK_EXPANSIONS = 40;

    /**
     * A resolved path: {@link #host} is the directory's path plus the resolved components;
     * {@link #name} is the last component (null when the path resolved to the directory itself);
     * {@link #directoryExpected} when the guest's path ended with a slash (or "/."): then the
     * target must be a directory; {@link #depth} is the number of components below the directory.
     */
    record Resolved(Path host, String name, boolean directoryExpected, int depth) {
        boolean isRoot() {
            return name == null;
        }
    }

    private PathResolver() {
    }

    static Resolved resolve(Path root, String path, boolean followFinalLink) throws WasiError {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        Deque<String> pending = new ArrayDeque<>();
        boolean directoryExpected = pushComponents(pending, path);
        List<String> resolved = new ArrayList<>();
        int expansions = 0;
        while (!pending.isEmpty()) {
            String component = pending.pollFirst();
            boolean last = pending.isEmpty();
            if (component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            Path candidate = join(root, resolved).resolve(component);
            BasicFileAttributes attributes = attributesOrNull(candidate);
            boolean follow = !last || followFinalLink || directoryExpected;
            if (attributes != null && attributes.isSymbolicLink() && follow) {
                if (++expansions > MAX_SYMLINK_EXPANSIONS) {
                    throw new WasiError(Errno.LOOP);
                }
                String target = readLink(candidate);
                if (target.isEmpty()) {
                    throw new WasiError(Errno.NOENT);
                }
                if (target.startsWith("/")) {
                    throw new WasiError(Errno.NOTCAPABLE);
                }
                Deque<String> spliced = new ArrayDeque<>();
                if (pushComponents(spliced, target) && last) {
                    directoryExpected = true;
                }
                while (!spliced.isEmpty()) {
                    pending.addFirst(spliced.pollLast());
                }
                continue;
            }
            if (!last) {
                // Every component before the last is a directory the walk goes into; checking it
                // here also keeps "file/.." and "missing/.." from resolving lexically.
                if (attributes == null) {
                    throw new WasiError(Errno.NOENT);
                }
                if (!attributes.isDirectory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
            }
            resolved.add(component);
        }
        String name = resolved.isEmpty() ? null : resolved.get(resolved.size() - 1);
        return new Resolved(join(root, resolved), name, directoryExpected, resolved.size());
    }

    /**
     * Whether a link at {@code link} with the contents {@code target} points inside the directory,
     * read as text: from the link's own directory ({@code link.depth() - 1} components below the
     * root), {@code ..} must never climb above the root. Links met inside the target are not
     * consulted; following them is checked when the link is followed.
     */
    static boolean staysInside(Resolved link, String target) {
        if (target.startsWith("/")) {
            return false;
        }
        int depth = link.depth() - 1;
        for (String component : target.split("/")) {
            if (component.equals("..")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (!component.isEmpty() && !component.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    /**
     * Splits {@code path} at slashes (empty components dropped) and appends the components to
     * {@code into}; returns whether the path ends with a slash or "/.", which asks for a directory.
     */
    private static boolean pushComponents(Deque<String> into, String path) {
        for (String component : path.split("/")) {
            if (!component.isEmpty()) {
                into.addLast(component);
            }
        }
        return path.endsWith("/") || path.endsWith("/.") || path.equals(".");
    }

    private static Path join(Path root, List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws WasiError {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }

    private static String readLink(Path link) throws WasiError {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new WasiError(Errno.of(e));
        }
    }
}
