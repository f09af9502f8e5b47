package org.aupat.foundation.preflight;

/** How much free space an operation needs at its destination, as a multiple of the bytes it handles. */
public enum SpaceNeed {
    /** A copy needs room for every byte. */
    COPY(1.0),
    /** A move needs room only when it crosses file systems (then it is a copy). */
    MOVE(1.0),
    /** Organising writes copies and working files (the plan's factor). */
    ORGANIZE(1.5);

    final double factor;

    SpaceNeed(double factor) {
        this.factor = factor;
    }
}
