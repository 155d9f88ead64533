package dev.greenlight.policy.engine;

import dev.greenlight.policy.model.Criterion;

/** Evaluates one criterion kind; one small class per kind keeps each rule readable on its own. */
interface CriterionEvaluator<C extends Criterion> {

    CriterionResult evaluate(C criterion, EvaluationContext context);
}
