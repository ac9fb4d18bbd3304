package vn.hoinghi.orchestrator.platform.web;

import io.micronaut.http.HttpStatus;
import vn.hoinghi.orchestrator.platform.errors.ApiException;
import vn.hoinghi.orchestrator.platform.errors.Text;

/** Entity tags are the row's version counter, quoted: {@code "3"}. */
public final class ETags {
    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names, or null when the header is absent (last write wins). */
    public static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "bad-if-match", new Text(
                    "If-Match không phải ETag do HoiNghi cấp", "If-Match is not an ETag HoiNghi issued"));
        }
    }
}
