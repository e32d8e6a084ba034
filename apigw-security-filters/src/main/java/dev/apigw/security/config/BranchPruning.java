package dev.apigw.security.config;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the errors of a failed {@code oneOf}/{@code anyOf} that an operator can act on.
 *
 * <p>A validator reports every branch that failed: for {@code auth: [5]} that is "not the string none" and "5 is
 * not a name". A branch whose type or constant does not fit the value at all is noise; when exactly one branch
 * fits, its errors are the precise ones and the combinator's own error is dropped. When none or several fit, only
 * the combinator's error stays, and the schema's {@code x-hint} or {@code x-rule} words it.
 */
final class BranchPruning {

    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf");
    private static final Set<String> KIND_KEYWORDS = Set.of("type", "const", "enum");

    private BranchPruning() {
    }

    static List<Error> prune(List<Error> errors) {
        List<Error> byDepth = new ArrayList<>(errors);
        byDepth.sort(Comparator.comparingInt(e -> e.getEvaluationPath().getNameCount()));
        boolean[] dropped = new boolean[byDepth.size()];
        for (int p = 0; p < byDepth.size(); p++) {
            Error parent = byDepth.get(p);
            if (dropped[p] || !COMBINATORS.contains(parent.getKeyword())) {
                continue;
            }
            Map<String, List<Integer>> branches = branchesOf(parent, byDepth);
            List<String> live = branches.entrySet().stream()
                    .filter(b -> b.getValue().stream().noneMatch(i -> rulesOutBranch(byDepth.get(i), parent)))
                    .map(Map.Entry::getKey)
                    .toList();
            if (live.size() == 1) {
                dropped[p] = true;
            }
            branches.forEach((branch, members) -> {
                if (live.size() != 1 || !live.contains(branch)) {
                    members.forEach(i -> dropped[i] = true);
                }
            });
        }
        List<Error> kept = new ArrayList<>();
        for (int i = 0; i < byDepth.size(); i++) {
            if (!dropped[i]) {
                kept.add(byDepth.get(i));
            }
        }
        return kept;
    }

    private static Map<String, List<Integer>> branchesOf(Error parent, List<Error> errors) {
        NodePath path = parent.getEvaluationPath();
        Map<String, List<Integer>> branches = new LinkedHashMap<>();
        for (int i = 0; i < errors.size(); i++) {
            NodePath child = errors.get(i).getEvaluationPath();
            if (child.getNameCount() > path.getNameCount() && child.startsWith(path)) {
                String branch = String.valueOf(child.getElement(path.getNameCount()));
                branches.computeIfAbsent(branch, b -> new ArrayList<>()).add(i);
            }
        }
        return branches;
    }

    private static boolean rulesOutBranch(Error child, Error parent) {
        return KIND_KEYWORDS.contains(child.getKeyword())
                && child.getInstanceLocation().equals(parent.getInstanceLocation());
    }
}
