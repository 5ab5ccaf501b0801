package dev.linmem.memory;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The type of a linear memory: limits in pages, page size, index type and the shared flag.
 * Immutable; built with {@link #builder()}, which refuses types that break WebAssembly's limits.
 *
 * <p>Limits, for pages of {@value #DEFAULT_PAGE_SIZE} bytes: an i32 memory has at most 65,536
 * pages (4 GiB, the whole i32 address space); an i64 (memory64) memory at most 2<sup>48</sup>
 * pages. With the custom-page-sizes proposal's page size of 1 byte the limits are
 * 2<sup>32</sup> - 1 and 2<sup>63</sup> - 1 bytes (the latter is the most a {@code long} byte
 * size can express; no machine has that much memory anyway). A shared memory must declare a
 * maximum, because it is static: its storage is reserved once and never moves.
 */
public final class MemoryType {
    /** The WebAssembly page size in bytes. */
    public static final int DEFAULT_PAGE_SIZE = 65536;
    /** Most pages of 64 KiB an i32 memory can have: 2^32 bytes. */
    public static final long MAX_PAGES_I32 = 1L << 16;
    /** Most pages of 64 KiB an i64 memory can have. */
    public static final long MAX_PAGES_I64 = 1L << 48;

    private final long minimumPages;
    /** -1 when the type declares no maximum. */
    private final long maximumPages;
    private final boolean index64;
    private final boolean shared;
    private final int pageSizeBytes;

    private MemoryType(Builder b) {
        this.minimumPages = b.minimumPages;
        this.maximumPages = b.maximumPages;
        this.index64 = b.index64;
        this.shared = b.shared;
        this.pageSizeBytes = b.pageSizeBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An i32, unshared memory with 64 KiB pages and the given limits; {@code maximumPages < 0} means none. */
    public static MemoryType of(long minimumPages, long maximumPages) {
        Builder b = builder().minimumPages(minimumPages);
        if (maximumPages >= 0) {
            b.maximumPages(maximumPages);
        }
        return b.build();
    }

    /** The most pages any memory of this index type and page size can have. */
    public static long pageLimit(boolean index64, int pageSizeBytes) {
        if (pageSizeBytes == 1) {
            return index64 ? Long.MAX_VALUE : 0xFFFF_FFFFL;
        }
        return index64 ? MAX_PAGES_I64 : MAX_PAGES_I32;
    }

    public long minimumPages() {
        return minimumPages;
    }

    /** The declared maximum in pages, empty when the type declares none. */
    public OptionalLong maximumPages() {
        return maximumPages < 0 ? OptionalLong.empty() : OptionalLong.of(maximumPages);
    }

    /** The declared maximum in pages, or the index type's page limit when none is declared. */
    public long maximumPagesOrLimit() {
        return maximumPages < 0 ? pageLimit(index64, pageSizeBytes) : maximumPages;
    }

    public boolean is64() {
        return index64;
    }

    public boolean isShared() {
        return shared;
    }

    public int pageSizeBytes() {
        return pageSizeBytes;
    }

    /** The minimum in bytes, saturated at {@link Long#MAX_VALUE}. */
    public long minimumBytes() {
        return saturatingBytes(minimumPages, pageSizeBytes);
    }

    /** {@code pages * pageSizeBytes}, or {@link Long#MAX_VALUE} when that does not fit a long (2^48 pages of 64 KiB). */
    static long saturatingBytes(long pages, int pageSizeBytes) {
        return pages > Long.MAX_VALUE / pageSizeBytes ? Long.MAX_VALUE : pages * pageSizeBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryType t && t.minimumPages == minimumPages && t.maximumPages == maximumPages &&
                        t.index64 == index64 && t.shared == shared && t.pageSizeBytes == pageSizeBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minimumPages, maximumPages, index64, shared, pageSizeBytes);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(index64 ? "i64 " : "i32 ").append(minimumPages);
        if (maximumPages >= 0) {
            s.append("..").append(maximumPages);
        }
        s.append(" pages");
        if (pageSizeBytes != DEFAULT_PAGE_SIZE) {
            s.append(" of ").append(pageSizeBytes).append(" bytes");
        }
        return shared ? s.append(" shared").toString() : s.toString();
    }

    /** Builds a {@link MemoryType}: minimum, maximum, page size, index type and sharing; {@link #build} validates. */
    public static final class Builder {
        private long minimumPages;
        private long maximumPages = -1;
        private boolean index64;
        private boolean shared;
        private int pageSizeBytes = DEFAULT_PAGE_SIZE;

        private Builder() {
        }

        public Builder minimumPages(long pages) {
            this.minimumPages = pages;
            return this;
        }

        public Builder maximumPages(long pages) {
            if (pages < 0) {
                throw new InvalidMemoryTypeException("maximum must not be negative, got " + pages + " pages");
            }
            this.maximumPages = pages;
            return this;
        }

        public Builder noMaximum() {
            this.maximumPages = -1;
            return this;
        }

        public Builder index64(boolean is64) {
            this.index64 = is64;
            return this;
        }

        public Builder shared(boolean isShared) {
            this.shared = isShared;
            return this;
        }

        public Builder pageSizeBytes(int bytes) {
            this.pageSizeBytes = bytes;
            return this;
        }

        /** @throws InvalidMemoryTypeException naming the limit the type breaks */
        public MemoryType build() {
            if (pageSizeBytes != DEFAULT_PAGE_SIZE && pageSizeBytes != 1) {
                throw new InvalidMemoryTypeException("page size must be 65536 or 1 byte, got " + pageSizeBytes);
            }
            if (minimumPages < 0) {
                throw new InvalidMemoryTypeException("minimum must not be negative, got " + minimumPages + " pages");
            }
            long limit = pageLimit(index64, pageSizeBytes);
            String indexName = index64 ? "an i64" : "an i32";
            if (minimumPages > limit) {
                throw new InvalidMemoryTypeException(indexName + " memory can have at most " + limit +
                                " pages; the minimum is " + minimumPages + " pages");
            }
            if (maximumPages > limit) {
                throw new InvalidMemoryTypeException(indexName + " memory can have at most " + limit +
                                " pages; the maximum is " + maximumPages + " pages");
            }
            if (maximumPages >= 0 && minimumPages > maximumPages) {
                throw new InvalidMemoryTypeException("minimum " + minimumPages + " pages is greater than maximum " +
                                maximumPages + " pages");
            }
            if (shared && maximumPages < 0) {
                throw new InvalidMemoryTypeException("a shared memory must declare a maximum: it is reserved once and never moves");
            }
            return new MemoryType(this);
        }
    }
}
