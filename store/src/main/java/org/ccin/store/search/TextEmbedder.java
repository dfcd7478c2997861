package org.ccin.store.search;

/** Turns a text into a vector of unit length whose direction is its meaning: close vectors, close meanings. */
public interface TextEmbedder {
    /** The model's name: stored with each embedding's hash, so a new model embeds everything again. */
    String model();

    float[] embed(String text);
}
