import type { PosteriorModel } from '../posterior-model';
import { earnings } from './earnings-logearn_interaction_z';
import { mesquite } from './mesquite-logmesquite_logvash';
import { kidiq } from './kidiq-kidscore_momiq';
import { eightSchools } from './eight_schools-eight_schools_noncentered';
import { sblri } from './sblri-blr';
import { nesLogit } from './nes_logit_data-nes_logit_model';
import { glmBinomial } from './GLM_Binomial_data-GLM_Binomial_model';
import { rate1 } from './Rate_1_data-Rate_1_model';

/** Every posterior model, by JSON file name. */
export const posteriorModels: readonly PosteriorModel[] = [earnings, mesquite, kidiq, eightSchools, sblri, nesLogit, glmBinomial, rate1];
