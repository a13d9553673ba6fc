package org.terrawatch.monitoring.camera;

/** Mounting of a camera (the Hongsipu centre runs 31 high-point and 7 checkpoint cameras). Labels: {@code labels.properties}. */
public enum CameraKind {
    HIGH_POINT,
    CHECKPOINT
}
