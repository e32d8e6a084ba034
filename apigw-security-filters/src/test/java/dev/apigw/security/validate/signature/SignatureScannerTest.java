package dev.apigw.security.validate.signature;

import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureScannerTest {

    private final SignatureScanner all = new SignatureScanner(Category.all());

    @Test
    void scansThePath() {
        Match m = all.scan(FakeRequest.get("/files/.git/config").build()).orElseThrow();
        assertThat(m).isEqualTo(new Match(Category.TRAVERSAL, Location.PATH, "", false));
    }

    @Test
    void scansQueryValuesAndNames() {
        Match value = all.scan(FakeRequest.get("/pets").query("q", "1' OR '1'='1").build()).orElseThrow();
        assertThat(value).isEqualTo(new Match(Category.SQLI, Location.QUERY, "q", false));
        Match name = all.scan(FakeRequest.get("/pets").query("<script>", "x").build()).orElseThrow();
        assertThat(name.inName()).isTrue();
        assertThat(name.describe()).isEqualTo("xss in query name");
    }

    @Test
    void scansHeadersButNotTheOnesWithASyntaxOfTheirOwn() {
        FakeRequest attack = FakeRequest.get("/").header("User-Agent", "() { :;}; /bin/bash -c id").build();
        assertThat(all.scan(attack)).contains(new Match(Category.CMDI, Location.HEADER, "User-Agent", false));
        FakeRequest skipped = FakeRequest.get("/").header("Authorization", "Bearer ' OR 1=1 --")
                .header("Accept", "text/html;q=0.9,*/*;q=0.8").header("Sec-Ch-Ua", "\"Chromium\";v=\"124\"").build();
        assertThat(all.scan(skipped)).isEmpty();
    }

    @Test
    void scansEachCookieWithItsName() {
        FakeRequest r = FakeRequest.get("/").header("Cookie", "theme=dark; session=abc%27%20OR%201%3D1--").build();
        assertThat(all.scan(r)).contains(new Match(Category.SQLI, Location.COOKIE, "session", false));
    }

    @Test
    void scansBodyStrings() {
        List<BodyValue> body = List.of(new BodyValue("/name", "Kit"), new BodyValue("/tags/0", "<svg onload=x()>"));
        assertThat(all.scanBody(body)).contains(new Match(Category.XSS, Location.BODY, "/tags/0", false));
        assertThat(all.scanBody(List.of(BodyValue.name("x=1 OR 1=1", "x=1 OR 1=1")))).get()
                .extracting(Match::inName).isEqualTo(true);
    }

    @Test
    void skipsExcludedFields() {
        SignatureScanner scanner = new SignatureScanner(Category.all(), Set.of("/items/*/html", "comment", "X-Html"));
        List<BodyValue> body = List.of(new BodyValue("/items/3/html", "<script>x()</script>"),
                new BodyValue("/items/3/html/0", "<script>x()</script>"), new BodyValue("comment", "<b onclick=x()>"));
        assertThat(scanner.scanBody(body)).isEmpty();
        assertThat(scanner.scanBody(List.of(new BodyValue("/items/3/title", "<script>x()</script>")))).isPresent();
        FakeRequest r = FakeRequest.get("/").query("comment", "<script>x()</script>")
                .header("x-html", "<script>x()</script>").build();
        assertThat(scanner.scan(r)).isEmpty();
    }

    @Test
    void checksOnlyTheChosenCategories() {
        SignatureScanner xssOnly = new SignatureScanner(Set.of(Category.XSS));
        assertThat(xssOnly.scan("1' OR '1'='1")).isEmpty();
        assertThat(xssOnly.scan("<script>")).isPresent();
        assertThat(new SignatureScanner(Set.of()).scan("<script>")).isEmpty();
    }

    @Test
    void findsAnAttackBehindPadding() {
        String padded = "a".repeat(3 * SignatureScanner.WINDOW + 17) + "<script>alert(1)</script>";
        assertThat(all.scan(padded)).isPresent();
        String straddling = "b".repeat(SignatureScanner.WINDOW - 10) + "' UNION SELECT password FROM users--";
        assertThat(all.scan(straddling)).isPresent();
    }

    @Test
    void describesAMatchWithoutAnyAttackerText() {
        Match m = new Match(Category.SQLI, Location.BODY, "/a\"b<script>/c", false);
        assertThat(m.describe()).isEqualTo("sqli in body \"/a?b?script?/c\"");
        assertThat(new Match(Category.XSS, Location.QUERY, "<script>", true).describe()).isEqualTo("xss in query name");
    }
}
