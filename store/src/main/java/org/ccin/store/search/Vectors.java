package org.ccin.store.search;

/** Small vector arithmetic for embeddings, and their compact form: one signed byte per dimension and a scale. */
public final class Vectors {
    private Vectors() {
    }

    public static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    /** A vector quantised: bytes such that {@code v[i] ≈ bytes[i] * scale}. */
    public record Quantised(byte[] bytes, float scale) {
    }

    public static Quantised quantise(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1f : max / 127f;
        byte[] bytes = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            bytes[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] / scale)));
        }
        return new Quantised(bytes, scale);
    }
}
