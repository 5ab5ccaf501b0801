package dev.linmem.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.linmem.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Decodes deterministic mutations of every corpus module (flipped bytes, overwritten bytes,
 * truncations, inserted bytes): the decoder may accept or refuse, but may fail only with a
 * {@link WasmException}, never with another exception or a hang. Set the environment variable
 * {@code LINMEM_MUTATIONS} for a longer run (1,500 per module, about 700,000 decodes, ran clean).
 */
class MutationRobustnessTest {

    private static final int MUTATIONS_PER_MODULE = System.getenv("LINMEM_MUTATIONS") != null
                    ? Integer.parseInt(System.getenv("LINMEM_MUTATIONS"))
                    : 40;

    @Test
    void mutatedCorpusModulesFailOnlyWithWasmException() throws IOException {
        Path root = SpecCorpus.locate();
        assertNotNull(root, "shared/wasm-spec not found");
        List<Path> modules;
        try (Stream<Path> walk = Files.walk(root)) {
            modules = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertTrue(modules.size() > 100, "corpus modules found: " + modules.size());
        SplittableRandom random = new SplittableRandom(0x11AE_3E11L);
        int refused = 0;
        for (Path module : modules) {
            byte[] original = Files.readAllBytes(module);
            for (int i = 0; i < MUTATIONS_PER_MODULE; i++) {
                byte[] mutated = mutate(original, random);
                try {
                    ModuleDecoder.decode(mutated);
                } catch (WasmException e) {
                    refused++;
                    if (e.getMessage() == null || e.byteOffset() < -1 || e.byteOffset() > mutated.length) {
                        fail(module + " mutation " + i + ": bad exception " + e.getMessage() + " at " + e.byteOffset());
                    }
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw new AssertionError(module + " mutation " + i + " (" + hex(mutated) + ") threw " + e, e);
                }
            }
        }
        assertTrue(refused > modules.size(), "mutations are mostly refused: " + refused);
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int start = Math.min(8, b.length); // keep the header mostly intact so sections get decoded
        switch (random.nextInt(5)) {
            case 0 -> {
                int at = start + random.nextInt(Math.max(1, b.length - start));
                if (at < b.length) {
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = start + random.nextInt(Math.max(1, b.length - start));
                if (at < b.length) {
                    b[at] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, start + random.nextInt(Math.max(1, b.length - start)));
            case 3 -> {
                int at = start + random.nextInt(Math.max(1, b.length - start));
                byte[] longer = new byte[b.length + 1];
                System.arraycopy(b, 0, longer, 0, at);
                longer[at] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                b = longer;
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    int at = start + random.nextInt(Math.max(1, b.length - start));
                    if (at < b.length) {
                        b[at] = (byte) (0x80 | random.nextInt(128));
                    }
                }
            }
        }
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 200); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
