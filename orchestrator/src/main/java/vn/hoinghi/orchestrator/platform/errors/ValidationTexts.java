package vn.hoinghi.orchestrator.platform.errors;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vietnamese for the Bean Validation messages our DTOs use; anything unknown is passed through in English. */
final class ValidationTexts {
    private static final Map<Pattern, String> RULES = Map.of(
            Pattern.compile("must not be blank"), "không được để trống",
            Pattern.compile("must not be null"), "là bắt buộc",
            Pattern.compile("must not be empty"), "không được để trống",
            Pattern.compile("must be greater than or equal to (\\S+)"), "phải lớn hơn hoặc bằng $1",
            Pattern.compile("must be less than or equal to (\\S+)"), "phải nhỏ hơn hoặc bằng $1",
            Pattern.compile("size must be between (\\S+) and (\\S+)"), "độ dài phải từ $1 đến $2",
            Pattern.compile("must match \"(.*)\""), "không đúng định dạng $1",
            Pattern.compile("must be a well-formed email address"), "không phải địa chỉ email hợp lệ");

    private ValidationTexts() {
    }

    static String vietnamese(String english) {
        if (english == null) {
            return null;
        }
        for (var rule : RULES.entrySet()) {
            Matcher m = rule.getKey().matcher(english);
            if (m.find()) {
                return m.replaceFirst(rule.getValue());
            }
        }
        return english;
    }
}
