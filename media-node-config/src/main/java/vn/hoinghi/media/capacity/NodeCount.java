package vn.hoinghi.media.capacity;

/** How many nodes of one kind a region needs, and the arithmetic that says so. */
public record NodeCount(NodeKind kind, int count, String reason) {
}
