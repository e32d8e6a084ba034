package dev.apigw.security.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /pets/mine /pets/{id} /pets/* /pets/**  | /pets/mine     | /pets/mine
            /pets/** /pets/* /pets/{id} /pets/mine  | /pets/mine     | /pets/mine
            /pets/mine /pets/{id} /pets/* /pets/**  | /pets/1        | /pets/{id}
            /pets/** /pets/*                        | /pets/1        | /pets/*
            /pets/**                                | /pets/1        | /pets/**
            /pets/**                                | /pets          | /pets/**
            /pets/**                                | /pets/a/b      | /pets/**
            /pets/mine /pets/{id} /pets/* /pets/**  | /pets/a/b      | /pets/**
            /pets/** /pets                          | /pets          | /pets
            /pets/{id}/** /pets/{id}                | /pets/1        | /pets/{id}
            /pets/{id}/** /pets/{id}/toys           | /pets/1/toys   | /pets/{id}/toys
            /pets/{id}/** /pets/{id}/toys           | /pets/1/food   | /pets/{id}/**
            /{a}/b /a/{b}                           | /a/b           | /a/{b}
            /*/** /{x}/{y}                          | /a/b           | /{x}/{y}
            /** /pets/**                            | /pets/1        | /pets/**
            /** /pets/**                            | /toys          | /**
            /**                                     | /              | /**
            /                                       | /              | /
            /pets/{id}                              | /pets          |
            /pets/{id}                              | /              |
            /pets                                   | /pets/1        |
            """)
    void picksTheMostSpecificTemplateWhateverTheOrderOfRegistration(String templates, String path, String winner) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (String template : templates.split(" ")) {
            builder.add(template, template);
        }

        Optional<RouteMatch<String>> match = builder.build().match("GET", path);

        assertThat(match.map(RouteMatch::template)).isEqualTo(Optional.ofNullable(winner));
        assertThat(match.map(RouteMatch::value)).isEqualTo(Optional.ofNullable(winner));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET     | /pets     | list
            POST    | /pets     | create
            HEAD    | /pets     | list
            PUT     | /pets     |
            get     | /pets     |
            Get     | /pets     |
            DELETE  | /pets/1   | delete
            GET     | /pets/1   | any
            HEAD    | /pets/1   | any
            PATCH   | /pets/1   | any
            DELETE  | /pets/mine | delete
            GET     | /pets/mine | mine
            """)
    void matchesOnlyRoutesThatAnswerTheMethodComparedCaseSensitively(String method, String path, String value) {
        RouteTable<String> table = RouteTable.<String>builder()
                .add("/pets", Set.of("GET"), "list")
                .add("/pets", Set.of("POST"), "create")
                .add("/pets/{id}", Set.of(), "any")
                .add("/pets/{id}", Set.of("DELETE"), "delete")
                .add("/pets/mine", Set.of("GET"), "mine")
                .build();

        assertThat(table.match(method, path).map(RouteMatch::value)).isEqualTo(Optional.ofNullable(value));
    }

    @Test
    void fallsBackToALessSpecificRouteWhenTheMostSpecificDoesNotAnswerTheMethod() {
        RouteTable<String> table = RouteTable.<String>builder()
                .add("/pets/mine", Set.of("GET"), "mine")
                .add("/pets/{id}", Set.of("DELETE"), "delete")
                .build();

        assertThat(table.match("DELETE", "/pets/mine")).contains(
                new RouteMatch<>("delete", "/pets/{id}", Map.of("id", "mine")));
        assertThat(table.match("PUT", "/pets/mine")).isEmpty();
    }

    @Test
    void headGoesToTheRouteListingGetUnlessARouteForTheSameTemplateListsHead() {
        RouteTable<String> table = RouteTable.<String>builder()
                .add("/pets", Set.of("GET"), "get")
                .add("/pets", Set.of("HEAD"), "head")
                .add("/toys", Set.of("GET"), "toys")
                .add("/toys", Set.of(), "any")
                .build();

        assertThat(table.match("HEAD", "/pets").map(RouteMatch::value)).contains("head");
        assertThat(table.match("GET", "/pets").map(RouteMatch::value)).contains("get");
        assertThat(table.match("HEAD", "/toys").map(RouteMatch::value)).contains("toys");
        assertThat(table.match("PUT", "/toys").map(RouteMatch::value)).contains("any");
    }

    @Test
    void answersTheTemplateAndTheCapturedParameters() {
        RouteTable<Integer> table = RouteTable.<Integer>builder()
                .add("/pets/{id}/toys/{toy}", Set.of("GET"), 7)
                .build();

        RouteMatch<Integer> match = table.match("GET", "/pets/42/toys/ball").orElseThrow();

        assertThat(match.value()).isEqualTo(7);
        assertThat(match.template()).isEqualTo("/pets/{id}/toys/{toy}");
        assertThat(match.pathParameters()).containsExactly(Map.entry("id", "42"), Map.entry("toy", "ball"));
        assertThat(match.pathParameter("toy")).isEqualTo("ball");
        assertThat(match.pathParameter("missing")).isNull();
    }

    @Test
    void reusesOneAnswerForATemplateWithoutParameters() {
        RouteTable<String> table = RouteTable.<String>builder()
                .add("/health", "health")
                .add("/static/**", "static")
                .build();

        assertThat(table.match("GET", "/health")).isSameAs(table.match("GET", "/health"));
        assertThat(table.match("GET", "/static/a")).isSameAs(table.match("GET", "/static/b/c"));
        assertThat(table.match("GET", "/health").orElseThrow().pathParameters()).isEmpty();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /pets GET   | /pets GET POST  | routes[0] ("/pets" GET) and routes[1] ("/pets" GET, POST) both answer GET
            /a/{x}      | /a/{y}          | routes[0] ("/a/{x}" any method) and routes[1] ("/a/{y}" any method)
            /a/{x}      | /a/{y}          | both answer every method (neither lists methods)
            /a/{x} PUT GET | /a/{y} GET PUT | both answer GET, PUT for the same paths; give each method to only one
            /files/**   | /files/**       | both answer every method
            """)
    void refusesTwoRoutesWithTheSameTemplateAndASharedMethodNamingBoth(String first, String second, String message) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        add(builder, first);
        add(builder, second);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /pets GET        | /pets POST
            /pets            | /pets GET
            /pets/{id}       | /pets/*
            /pets/**         | /pets
            /pets GET        | /pets HEAD
            """)
    void acceptsRoutesThatAnOrderOfSpecificityOrTheirMethodsTellApart(String first, String second) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        add(builder, first);
        add(builder, second);

        assertThatCode(builder::build).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            get        | lists method "get"; HTTP methods are case-sensitive (RFC 9110 §9.1), write "GET"
            Delete     | write "DELETE"
            ""         | lists a method that is not an HTTP token
            "GE T"     | lists a method that is not an HTTP token
            "GET\r\n"  | lists a method that is not an HTTP token
            GET/1      | lists a method that is not an HTTP token
            """)
    void refusesMethodNamesThatNoClientSendsForTheMethodMeant(String method, String message) {
        String unescaped = method.replace("\\r\\n", "\r\n");

        assertThatThrownBy(() -> RouteTable.<String>builder().add("/pets", Set.of(unescaped), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("route \"/pets\" ")
                .hasMessageContaining(message);
    }

    @Test
    void refusesAnInvalidTemplateWhenTheRouteIsAdded() {
        assertThatThrownBy(() -> RouteTable.<String>builder().add("/pets/", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path template \"/pets/\"");
    }

    @Test
    void anEmptyTableMatchesNothing() {
        assertThat(RouteTable.<String>builder().build().match("GET", "/")).isEmpty();
    }

    private static void add(RouteTable.Builder<String> builder, String spec) {
        String[] parts = spec.split(" ");
        Set<String> methods = Set.of(Arrays.copyOfRange(parts, 1, parts.length));
        builder.add(parts[0], methods, spec);
    }
}
