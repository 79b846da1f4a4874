import type * as Student from '@impl/07_train_neuralnet';
import type { Suspect } from '../../grader/suspects.ts';
type Impl = typeof Student;
export const suspects: Suspect<Impl>[] = [];
