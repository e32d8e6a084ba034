package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stages are JSON Merge Patches (RFC 7396) over the base; the rows follow the RFC's Appendix A examples. */
class StageOverlayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String merge(String base, String stage) {
        ObjectNode root = (ObjectNode) JSON.readTree(base);
        root.set("stages", JSON.readTree("{\"s\":" + stage + "}"));
        return StageOverlay.apply(root, Optional.of("s")).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'a':'b'}                | {'a':'c'}              | {'a':'c'}",
            "{'a':'b'}                | {'b':'c'}              | {'a':'b','b':'c'}",
            "{'a':'b'}                | {'a':null}             | {}",
            "{'a':'b','b':'c'}        | {'a':null}             | {'b':'c'}",
            "{'a':['b']}              | {'a':'c'}              | {'a':'c'}",
            "{'a':'c'}                | {'a':['b']}            | {'a':['b']}",
            "{'a':{'b':'c'}}          | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}        | {'a':[1]}              | {'a':[1]}",
            "{'e':null}               | {'a':1}                | {'e':null,'a':1}",
            "{}                       | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
            "{'a':{'x':1,'y':[1,2]}}  | {'a':{'y':[3]}}        | {'a':{'x':1,'y':[3]}}",
    })
    void mergesObjectsReplacesListsAndScalarsAndRemovesNulls(String base, String stage, String merged) {
        assertThat(merge(base.replace('\'', '"'), stage.replace('\'', '"'))).isEqualTo(merged.replace('\'', '"'));
    }

    @Test
    void dropsTheStagesKeyWithOrWithoutAStage() {
        ObjectNode root = (ObjectNode) JSON.readTree("{\"version\":1,\"stages\":{\"dev\":{\"a\":1}}}");
        assertThat(StageOverlay.apply(root, Optional.empty())).hasToString("{\"version\":1}");
    }

    @Test
    void refusesAnUnknownStageAndListsTheOthers() {
        ObjectNode root = (ObjectNode) JSON.readTree("{\"stages\":{\"dev\":{},\"staging\":{},\"prod\":{}}}");
        assertThatThrownBy(() -> StageOverlay.apply(root, Optional.of("live")))
                .hasMessage("config error at /stages: unknown stage \"live\" (stages: dev, staging, prod)");
    }
}
