package org.ccin.store.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Every case study's embedding in one flat byte array (ordered by id, as added), with no index to build or keep in
 * step. A question is answered in two passes when the library is large: first every study's signs (one bit a
 * dimension, 48 bytes for 384) are compared with the question's by counting differing bits, which is about eighty
 * times cheaper than the byte products; then only the closest few thousand by that count are scored exactly. At
 * 100,000 studies that takes about a millisecond instead of about thirty; the signs of two embeddings agree in
 * proportion to the angle between them, so the exact neighbours are among those few thousand (measured in
 * {@code VectorIndexTest}). Small libraries, and vectors of few dimensions (where signs say little), are scanned
 * whole. Immutable.
 */
public final class VectorIndex {
    private final long[] ids;
    private final float[] scales;
    private final byte[] values;
    private final int dimensions;
    /** Per row, its dimensions' signs as bits (1 for negative), {@link #words} longs a row. */
    private final long[] signs;
    private final int words;

    /** Accepts every study: the question has no filters, so the first pass need not ask about each one. */
    public static final LongPredicate ANY = id -> true;
    /** From this many studies (and {@link #SIGNS_FROM_DIMENSIONS} dimensions) the signs choose whom to score. */
    static final int TWO_PASSES_FROM = 4_096;
    static final int SIGNS_FROM_DIMENSIONS = 64;
    /** How many studies the first pass keeps for each neighbour asked for, and at least. */
    static final int CANDIDATES_PER_NEIGHBOUR = 40;
    static final int MIN_CANDIDATES = 2_000;

    /** A nearest neighbour: its id and cosine similarity to the question. */
    public record Neighbour(long id, float similarity) {
    }

    private VectorIndex(long[] ids, float[] scales, byte[] values, int dimensions) {
        this.ids = ids;
        this.scales = scales;
        this.values = values;
        this.dimensions = dimensions;
        this.words = (dimensions + 63) / 64;
        this.signs = signsOf(values, ids.length, dimensions, words);
    }

    private static long[] signsOf(byte[] values, int rows, int dimensions, int words) {
        long[] signs = new long[rows * words];
        for (int row = 0; row < rows; row++) {
            int offset = row * dimensions;
            for (int d = 0; d < dimensions; d++) {
                if (values[offset + d] < 0) {
                    signs[row * words + d / 64] |= 1L << (d % 64);
                }
            }
        }
        return signs;
    }

    public static VectorIndex empty() {
        return new VectorIndex(new long[0], new float[0], new byte[0], 0);
    }

    public int size() {
        return ids.length;
    }

    /** Collects vectors of one dimension count, then freezes them into an index. */
    public static final class Builder {
        private long[] ids = new long[1024];
        private float[] scales = new float[1024];
        private byte[] values;
        private int dimensions = -1;
        private int size;

        public Builder add(long id, float scale, byte[] vector) {
            if (dimensions < 0) {
                dimensions = vector.length;
                values = new byte[1024 * dimensions];
            }
            if (vector.length != dimensions) {
                return this; // another model's vector: ignored until it is embedded again
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                scales = Arrays.copyOf(scales, size * 2);
                values = Arrays.copyOf(values, size * 2 * dimensions);
            }
            ids[size] = id;
            scales[size] = scale;
            System.arraycopy(vector, 0, values, size * dimensions, dimensions);
            size++;
            return this;
        }

        public VectorIndex build() {
            if (size == 0) {
                return empty();
            }
            return new VectorIndex(Arrays.copyOf(ids, size), Arrays.copyOf(scales, size),
                    Arrays.copyOf(values, size * dimensions), dimensions);
        }
    }

    /** The similarity of one study to the question, if its vector is in the index. */
    public java.util.Optional<Float> similarity(float[] query, long id) {
        int row = Arrays.binarySearch(ids, id);
        if (row < 0 || query.length != dimensions) {
            return java.util.Optional.empty();
        }
        Vectors.Quantised q = Vectors.quantise(query);
        return java.util.Optional.of(dot(q.bytes(), row * dimensions) * q.scale() * scales[row]);
    }

    /** Above this many vectors the scan is split between the machine's cores. */
    static final int PARALLEL_FROM = 20_000;

    /** The {@code k} most similar of those {@code allowed} accepts, most similar first. */
    public List<Neighbour> nearest(float[] query, int k, LongPredicate allowed) {
        if (query.length != dimensions || k <= 0) {
            return List.of();
        }
        // the question quantised like the studies: integer products, which the JIT turns into vector instructions
        Vectors.Quantised q = Vectors.quantise(query);
        int candidates = Math.max(MIN_CANDIDATES, k * CANDIDATES_PER_NEIGHBOUR);
        if (ids.length >= TWO_PASSES_FROM && dimensions >= SIGNS_FROM_DIMENSIONS && ids.length > candidates) {
            return scored(q, closestBySigns(q.bytes(), candidates, allowed), k);
        }
        int parts = ids.length < PARALLEL_FROM ? 1
                : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Neighbour> out = new ArrayList<>();
        if (parts == 1) {
            out.addAll(scan(q, 0, ids.length, k, allowed));
        } else {
            // the other parts on the common pool, the first on this thread: with two cores the pool has one thread
            List<java.util.concurrent.CompletableFuture<List<Neighbour>>> scans = new ArrayList<>();
            int step = (ids.length + parts - 1) / parts;
            for (int from = step; from < ids.length; from += step) {
                int first = from;
                int last = Math.min(ids.length, from + step);
                scans.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> scan(q, first, last, k, allowed)));
            }
            out.addAll(scan(q, 0, Math.min(step, ids.length), k, allowed));
            scans.forEach(scan -> out.addAll(scan.join()));
        }
        out.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /**
     * The rows (at most {@code count}, among those allowed) whose signs differ least from the question's: the
     * differing bits of every row counted, then a threshold found from their histogram, so no sort of all rows.
     */
    private int[] closestBySigns(byte[] question, int count, LongPredicate allowed) {
        long[] mine = new long[words];
        for (int d = 0; d < dimensions; d++) {
            if (question[d] < 0) {
                mine[d / 64] |= 1L << (d % 64);
            }
        }
        int rows = ids.length;
        short[] differing = new short[rows];
        int[] histogram = new int[dimensions + 2];
        boolean everyone = allowed == ANY;
        for (int row = 0, offset = 0; row < rows; row++, offset += words) {
            if (!everyone && !allowed.test(ids[row])) {
                differing[row] = (short) (dimensions + 1); // never a candidate
                continue;
            }
            int bits = 0;
            for (int w = 0; w < words; w++) {
                bits += Long.bitCount(signs[offset + w] ^ mine[w]);
            }
            differing[row] = (short) bits;
            histogram[bits]++;
        }
        // the largest count of differing bits that still fits: all rows below it, and some of those at it
        int threshold = 0;
        int below = 0;
        while (threshold <= dimensions && below + histogram[threshold] < count) {
            below += histogram[threshold++];
        }
        int atThreshold = count - below;
        int[] chosen = new int[count];
        int size = 0;
        for (int row = 0; row < rows && size < count; row++) {
            int bits = differing[row];
            if (bits < threshold || bits == threshold && bits <= dimensions && atThreshold-- > 0) {
                chosen[size++] = row;
            }
        }
        return Arrays.copyOf(chosen, size);
    }

    /** The second pass: the chosen rows scored exactly, the best {@code k} first. */
    private List<Neighbour> scored(Vectors.Quantised q, int[] rows, int k) {
        byte[] question = q.bytes();
        List<Neighbour> out = new ArrayList<>(rows.length);
        for (int row : rows) {
            out.add(new Neighbour(ids[row], dot(question, row * dimensions) * q.scale() * scales[row]));
        }
        out.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }

    /** The best {@code k} of rows {@code from} (inclusive) to {@code to}, in no order. */
    private List<Neighbour> scan(Vectors.Quantised q, int from, int to, int k, LongPredicate allowed) {
        byte[] question = q.bytes();
        // a bounded min-heap of the best k so far, as parallel arrays
        long[] heapIds = new long[k];
        float[] heapScores = new float[k];
        int heapSize = 0;
        for (int row = from, offset = from * dimensions; row < to; row++, offset += dimensions) {
            float score = dot(question, offset) * q.scale() * scales[row];
            if (heapSize == k && score <= heapScores[0] || !allowed.test(ids[row])) {
                continue;
            }
            if (heapSize < k) {
                heapIds[heapSize] = ids[row];
                heapScores[heapSize] = score;
                siftUp(heapIds, heapScores, heapSize++);
            } else {
                heapIds[0] = ids[row];
                heapScores[0] = score;
                siftDown(heapIds, heapScores, heapSize);
            }
        }
        List<Neighbour> out = new ArrayList<>(heapSize);
        for (int i = 0; i < heapSize; i++) {
            out.add(new Neighbour(heapIds[i], heapScores[i]));
        }
        return out;
    }

    /** The integer dot product of the question with the row at {@code offset}, in four independent sums. */
    private int dot(byte[] question, int offset) {
        int a = 0;
        int b = 0;
        int c = 0;
        int e = 0;
        int d = 0;
        for (; d + 3 < dimensions; d += 4) {
            a += question[d] * values[offset + d];
            b += question[d + 1] * values[offset + d + 1];
            c += question[d + 2] * values[offset + d + 2];
            e += question[d + 3] * values[offset + d + 3];
        }
        for (; d < dimensions; d++) {
            a += question[d] * values[offset + d];
        }
        return a + b + c + e;
    }

    private static void siftUp(long[] ids, float[] scores, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (scores[parent] <= scores[i]) {
                return;
            }
            swap(ids, scores, i, parent);
            i = parent;
        }
    }

    private static void siftDown(long[] ids, float[] scores, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            int right = left + 1;
            int smallest = i;
            if (left < size && scores[left] < scores[smallest]) {
                smallest = left;
            }
            if (right < size && scores[right] < scores[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            swap(ids, scores, i, smallest);
            i = smallest;
        }
    }

    private static void swap(long[] ids, float[] scores, int a, int b) {
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
