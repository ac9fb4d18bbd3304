package vn.hoinghi.orchestrator.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * RFC 9457 problem details. {@code title}/{@code detail} follow the request's language (Vietnamese unless the
 * client asks for English); {@code titleEn}/{@code detailEn} always carry the English text so logs and
 * support staff can read either.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String titleEn,
        String detailEn,
        List<FieldError> errors) {

    /** One bad field: where (CSV/JSON {@code line} of an import), which field, a stable reason code, both languages. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer line, String field, String reason, String messageVi, String messageEn) {
        public static FieldError of(String field, String reason, Text text) {
            return new FieldError(null, field, reason, text.vi(), text.en());
        }

        public static FieldError atLine(int line, String field, String reason, Text text) {
            return new FieldError(line, field, reason, text.vi(), text.en());
        }
    }
}
