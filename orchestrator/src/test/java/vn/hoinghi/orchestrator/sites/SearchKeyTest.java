package vn.hoinghi.orchestrator.sites;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeyTest {
    @Test
    void foldsVietnameseMarksAndTheLetterD() {
        assertThat(SearchKey.of("Đắk Lắk")).isEqualTo("dak lak");
        assertThat(SearchKey.of("Hà Nội")).isEqualTo("ha noi");
        assertThat(SearchKey.of("Thành phố Hồ Chí Minh")).isEqualTo("thanh pho ho chi minh");
        assertThat(SearchKey.of("Bà Rịa - Vũng Tàu")).isEqualTo("ba ria vung tau");
    }

    @Test
    void precomposedAndDecomposedInputFoldTheSame() {
        String decomposed = java.text.Normalizer.normalize("Quảng Ngãi", java.text.Normalizer.Form.NFD);
        assertThat(SearchKey.of(decomposed)).isEqualTo(SearchKey.of("Quảng Ngãi")).isEqualTo("quang ngai");
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertThat(SearchKey.of(null)).isEmpty();
        assertThat(SearchKey.of("  \t ")).isEmpty();
    }
}
