package vn.hoinghi.media.demo;

/**
 * One of the 34 provincial-level units since 1 July 2025.
 *
 * @param constituents how many pre-2025 provinces merged into it
 */
public record Province(String code, String nameVi, String region, int constituents) {
}
