package dev.linmem.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;

/**
 * The {@code errno} values of {@code wasi_snapshot_preview1} (witx {@code $errno}, a u16 returned
 * by every function), and the mapping of Java's I/O exceptions onto them.
 */
final class Errno {
    static final int SUCCESS = 0;
    static final int TOO_BIG = 1;
    static final int ACCES = 2;
    static final int AGAIN = 6;
    static final int BADF = 8;
    static final int BUSY = 10;
    static final int DQUOT = 19;
    static final int EXIST = 20;
    static final int FAULT = 21;
    static final int FBIG = 22;
    static final int ILSEQ = 25;
    static final int INTR = 27;
    static final int INVAL = 28;
    static final int IO = 29;
    static final int ISDIR = 31;
    static final int LOOP = 32;
    static final int MFILE = 33;
    static final int MLINK = 34;
    static final int NAMETOOLONG = 37;
    static final int NFILE = 41;
    static final int NOENT = 44;
    static final int NOMEM = 48;
    static final int NOSPC = 51;
    static final int NOSYS = 52;
    static final int NOTDIR = 54;
    static final int NOTEMPTY = 55;
    static final int NOTSOCK = 57;
    static final int NOTSUP = 58;
    static final int NXIO = 60;
    static final int OVERFLOW = 61;
    static final int PERM = 63;
    static final int PIPE = 64;
    static final int ROFS = 69;
    static final int SPIPE = 70;
    static final int TXTBSY = 74;
    static final int XDEV = 75;
    static final int NOTCAPABLE = 76;

    private Errno() {
    }

    /**
     * The errno for an I/O failure. The JDK maps ENOENT, EACCES, EEXIST, ENOTEMPTY and a few more
     * onto exception classes; every other errno arrives as a {@link FileSystemException} whose
     * reason is the C library's {@code strerror} text, which is what the second half matches.
     */
    static int of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return NOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return NOTEMPTY;
        } else if (e instanceof AccessDeniedException) {
            return ACCES;
        } else if (e instanceof NotDirectoryException) {
            return NOTDIR;
        } else if (e instanceof NotLinkException) {
            return INVAL;
        } else if (e instanceof FileSystemLoopException) {
            return LOOP;
        } else if (e instanceof AtomicMoveNotSupportedException) {
            return XDEV;
        } else if (e instanceof ClosedChannelException) {
            return BADF;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return ofReason(fse.getReason());
        }
        String message = e.getMessage();
        if (message != null && message.contains("Broken pipe")) {
            return PIPE;
        }
        return IO;
    }

    /** Channels opened for one direction throw these unchecked exceptions for the other. */
    static int of(RuntimeException e) {
        if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) {
            return BADF;
        }
        return IO;
    }

    private static int ofReason(String reason) {
        if (reason.startsWith("Is a directory")) {
            return ISDIR;
        } else if (reason.startsWith("Not a directory")) {
            return NOTDIR;
        } else if (reason.startsWith("Too many levels of symbolic links") || reason.contains("NOFOLLOW_LINKS specified")) {
            return LOOP;
        } else if (reason.startsWith("Directory not empty")) {
            return NOTEMPTY;
        } else if (reason.startsWith("Read-only file system")) {
            return ROFS;
        } else if (reason.startsWith("No space left on device")) {
            return NOSPC;
        } else if (reason.startsWith("Disk quota exceeded")) {
            return DQUOT;
        } else if (reason.startsWith("File too large")) {
            return FBIG;
        } else if (reason.startsWith("Operation not permitted")) {
            return PERM;
        } else if (reason.startsWith("Permission denied")) {
            return ACCES;
        } else if (reason.startsWith("Invalid argument")) {
            return INVAL;
        } else if (reason.startsWith("File name too long")) {
            return NAMETOOLONG;
        } else if (reason.startsWith("Device or resource busy")) {
            return BUSY;
        } else if (reason.startsWith("Invalid cross-device link")) {
            return XDEV;
        } else if (reason.startsWith("Text file busy")) {
            return TXTBSY;
        } else if (reason.startsWith("Too many open files in system")) {
            return NFILE;
        } else if (reason.startsWith("Too many open files")) {
            return MFILE;
        } else if (reason.startsWith("Too many links")) {
            return MLINK;
        } else if (reason.startsWith("No such device or address")) {
            return NXIO;
        } else if (reason.startsWith("File exists")) {
            return EXIST;
        } else if (reason.startsWith("No such file or directory")) {
            return NOENT;
        } else if (reason.startsWith("Broken pipe")) {
            return PIPE;
        } else if (reason.startsWith("Illegal seek")) {
            return SPIPE;
        }
        return IO;
    }
}
