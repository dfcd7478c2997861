package org.ccin.store.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Every case study's embedding in one flat byte array (ordered by id, as added), scanned whole for each question: at 100,000 studies of 384
 * dimensions that is 38 MB and a few tens of milliseconds, with no index to build or keep in step. Immutable.
 */
public final class VectorIndex {
    private final long[] ids;
    private final float[] scales;
    private final byte[] values;
    private final int dimensions;

    /** A nearest neighbour: its id and cosine similarity to the question. */
    public record Neighbour(long id, float similarity) {
    }

    private VectorIndex(long[] ids, float[] scales, byte[] values, int dimensions) {
        this.ids = ids;
        this.scales = scales;
        this.values = values;
        this.dimensions = dimensions;
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
