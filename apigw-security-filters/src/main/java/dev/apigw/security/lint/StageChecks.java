package dev.apigw.security.lint;

/** The rule about stages: development and production should not run the very same settings. */
final class StageChecks {

    private StageChecks() {
    }

    static void sameConfigEveryStage(Subject s, Hits hits) {
        if (s.isBase() && s.stageNames().isEmpty()) {
            hits.add("", "the file has no stages: development and production run the same settings");
        }
        if (!s.isBase() && s.base().map(s.tree()::equals).orElse(false)) {
            hits.add(Subject.child("/stages", s.stage()), "stage " + s.stage() + " changes nothing from the base");
        }
    }
}
