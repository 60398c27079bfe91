import 'server-only';
import { getActionView, listActionViews, saveActionReport, updateAction } from './followup/measures';
import { addDecision, decideReview, getReview, listReviews, openReview, removeDecision, saveAssessment } from './followup/reviews';
import { withServerDb } from './door';

/** The plan's åtgärder (measures) with their latest delrapport; the current plan's without a plan id. */
export const getMeasureViews = withServerDb(listActionViews);
export const getMeasureView = withServerDb(getActionView);
export const saveMeasure = withServerDb(updateAction);
export const saveMeasureReport = withServerDb(saveActionReport);

export const getReviewList = withServerDb(listReviews);
export const getReviewView = withServerDb(getReview);
export const saveReviewOpening = withServerDb(openReview);
export const saveReviewAssessment = withServerDb(saveAssessment);
export const saveReviewDecision = withServerDb(addDecision);
export const removeReviewDecision = withServerDb(removeDecision);
export const saveReviewDecided = withServerDb(decideReview);
