package org.rundschau.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlCharsetTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void headerCharsetBeatsMetaCharset() {
        byte[] page = ascii("<html><head><meta charset=\"windows-1251\"></head><body>x</body></html>");

        assertThat(HtmlCharset.detect(page, "text/html; charset=ISO-8859-2")).isEqualTo(Charset.forName("ISO-8859-2"));
    }

    @Test
    void aUtf8HeaderOnBytesThatAreNotUtf8GivesWayToTheMetaCharset() {
        byte[] page = concat(ascii("<html><head><meta charset=\"windows-1252\"></head><body>"),
                "Fürth – 5 €</body></html>".getBytes(WINDOWS_1252));

        assertThat(HtmlCharset.decode(page, "text/html; charset=utf-8")).contains("Fürth – 5 €").doesNotContain("\uFFFD");
    }

    @Test
    void aUtf8HeaderOnWellFormedUtf8IsKept() {
        byte[] page = concat(ascii("<html><head><meta charset=\"windows-1252\"></head><body>"),
                "Fürth</body></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(HtmlCharset.detect(page, "text/html; charset=utf-8")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void byteOrderMarkBeatsHeaderAndIsNotPartOfTheText() {
        byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<p>Grüße</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(HtmlCharset.detect(page, "text/html; charset=iso-8859-1")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(HtmlCharset.decode(page, "text/html; charset=iso-8859-1")).isEqualTo("<p>Grüße</p>");
    }

    @Test
    void utf16ByteOrderMarksSelectTheirByteOrder() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<p>é</p>".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "<p>é</p>".getBytes(StandardCharsets.UTF_16BE));

        assertThat(HtmlCharset.decode(le, "")).isEqualTo("<p>é</p>");
        assertThat(HtmlCharset.decode(be, "")).isEqualTo("<p>é</p>");
    }

    @Test
    void metaCharsetIsFoundByThePrescan() {
        byte[] page = ascii("<!DOCTYPE html><html><head><title>t</title><meta charset='koi8-r'></head></html>");

        assertThat(HtmlCharset.detect(page, "text/html")).isEqualTo(Charset.forName("KOI8-R"));
    }

    @Test
    void httpEquivContentTypeIsFoundByThePrescan() {
        byte[] page = ascii("<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-15\"></head></html>");

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(Charset.forName("ISO-8859-15"));
    }

    @Test
    void contentCharsetWithoutHttpEquivIsIgnored() {
        byte[] page = ascii("<html><head><meta name=\"x\" content=\"text/html; charset=koi8-r\"></head></html>");

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metaInsideACommentOrAnAttributeIsNotADeclaration() {
        byte[] page = ascii("<!-- <meta charset=koi8-r> --><div title='<meta charset=koi8-r>'></div><meta charset=iso-8859-2>");

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(Charset.forName("ISO-8859-2"));
    }

    @Test
    void metaAfterTheFirst1024BytesIsNotSeen() {
        byte[] page = ascii("<html><head>" + " ".repeat(MetaPrescan.LIMIT) + "<meta charset=koi8-r></head></html>");

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void unknownLabelFallsThroughToTheNextRule() {
        byte[] page = ascii("<meta charset=no-such-charset><meta charset=windows-1250>");

        assertThat(HtmlCharset.detect(page, "text/html; charset=bogus")).isEqualTo(Charset.forName("windows-1250"));
    }

    @Test
    void metaDeclaringUtf16MeansUtf8() {
        byte[] page = ascii("<meta charset=utf-16>");

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void iso88591LabelDecodesAsWindows1252() {
        byte[] page = concat(ascii("<p>"), new byte[] {(byte) 0x80, (byte) 0x93, 'x', (byte) 0x94, (byte) 0xE9}, ascii("</p>"));

        assertThat(HtmlCharset.decode(page, "text/html; charset=ISO-8859-1")).isEqualTo("<p>€“x”é</p>");
    }

    @Test
    void wellFormedUtf8WithoutAnyLabelIsUtf8() {
        byte[] page = "<p>Grüße €</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(HtmlCharset.detect(page, "text/html")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void invalidUtf8WithoutAnyLabelIsWindows1252() {
        byte[] page = "<p>Grüße</p>".getBytes(WINDOWS_1252);

        assertThat(HtmlCharset.detect(page, "")).isEqualTo(WINDOWS_1252);
        assertThat(HtmlCharset.decode(page, "")).isEqualTo("<p>Grüße</p>");
    }

    @Test
    void utf8CutOffByTheEndOfTheBodyIsStillUtf8() {
        byte[] full = "<p>Grüße €</p>€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);

        assertThat(HtmlCharset.detect(cut, "")).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({
            "iso-8859-1, windows-1252", "latin1, windows-1252", "US-ASCII, windows-1252", "ascii, windows-1252",
            "utf8, UTF-8", "unicode-1-1-utf-8, UTF-8", "' UTF-8 ', UTF-8", "x-sjis, windows-31j",
            "iso-8859-9, windows-1254", "utf-16, UTF-16LE", "gb2312, GB18030", "ks_c_5601-1987, x-windows-949"})
    void labelsMapAsTheEncodingStandardSays(String label, String charset) {
        assertThat(EncodingLabels.forLabel(label)).contains(Charset.forName(charset));
    }

    @Test
    void unknownAndReplacementLabelsAreUnknown() {
        assertThat(EncodingLabels.forLabel("no-such-charset")).isEmpty();
        assertThat(EncodingLabels.forLabel("iso-2022-kr")).isEmpty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
