package org.rundschau.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCharsetTest {

    @Test
    void declaredWindows1252EuroByteIsTheEuroSign() {
        byte[] body = FeedCorpusTest.bytes("miniflux__windows-1252_euro.xml");

        assertThat(FeedCharset.decode(body, "")).contains("<title>Euro €</title>");
    }

    @Test
    void declaredIso88597IsGreek() {
        byte[] body = FeedCorpusTest.bytes("feedparser__http_high_bit_date_greek.xml");

        assertThat(FeedCharset.detect(body, "text/xml")).isEqualTo(Charset.forName("ISO-8859-7"));
        assertThat(FeedCharset.decode(body, "text/xml")).contains("Τρι, 29 Ιούν 2004 12:53:00 GMT");
    }

    @Test
    void declaredIso88591IsReadAsWindows1252() {
        byte[] body = FeedCorpusTest.bytes("feedrs__rss_2.0_encoding_1.xml");

        assertThat(FeedCharset.detect(body, "")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(FeedCharset.decode(body, "")).contains("Revolução nas telas");
    }

    @Test
    void undeclaredUtf8IsUtf8EvenWhenServedAsTextXml() {
        // RFC 3023 would make text/xml without charset US-ASCII; real feeds mean UTF-8.
        byte[] body = FeedCorpusTest.bytes("feedrs__rss_2.0_relurl_1.xml");

        assertThat(FeedCharset.detect(body, "text/xml")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16LabelOnAsciiReadableBytesMeansUtf8() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>".getBytes(StandardCharsets.UTF_8);

        assertThat(FeedCharset.detect(body, "")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithoutByteOrderMarkIsReadInTheByteOrderOfItsBytes() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>".getBytes(StandardCharsets.UTF_16BE);

        assertThat(FeedCharset.detect(body, "")).isEqualTo(StandardCharsets.UTF_16BE);
    }
}
