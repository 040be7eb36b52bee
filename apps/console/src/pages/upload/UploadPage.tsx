import { Stepper } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useBatch } from '../../api/queries';
import type { CohortValues, UploadPreviewJson } from '../../api/uploads';
import { BatchStepsPage } from '../../components/BatchStepsPage';
import { QueryState } from '../../components/QueryState';
import { NotFoundPage } from '../NotFoundPage';
import { CohortStep } from './CohortStep';
import { FileStep } from './FileStep';
import { PreviewStep } from './PreviewStep';

/**
 * Uploading personnel (MyPass stage 2, steps 5-7; the DSP bulk flow): the cohort, the template, the file with a
 * progress bar; then every error by row and field (nothing staged), or the preview with its duplicates, and
 * "Upload records and send invitations", "Upload records only" or "Go back".
 */
export function UploadPage() {
  const { batchId = '' } = useParams();
  const batch = useBatch(batchId);
  const [step, setStep] = useState(0);
  const [cohort, setCohort] = useState<CohortValues>({ staffType: '', jobRole: '', startDate: '' });
  const [preview, setPreview] = useState<UploadPreviewJson | null>(null);
  if (!batch.data) return <QueryState error={batch.error} label="The batch" />;
  const summary = batch.data.invitationBatch;
  if (!summary) return <NotFoundPage what="This invitation batch" />;
  return (
    <BatchStepsPage title="Upload personnel" batch={summary} maw={960} step={step} onStep={setStep}>
      <Stepper.Step label="The cohort">
        <CohortStep batchId={batchId} cohort={cohort} onChange={setCohort} onContinue={() => setStep(1)} />
      </Stepper.Step>
      <Stepper.Step label="The file">
        <FileStep
          batchId={batchId}
          cohort={cohort}
          onBack={() => setStep(0)}
          onPreview={(p) => {
            setPreview(p);
            setStep(2);
          }}
        />
      </Stepper.Step>
      <Stepper.Step label="Check and confirm">
        {preview && <PreviewStep batchId={batchId} preview={preview} onBack={() => setStep(1)} />}
      </Stepper.Step>
    </BatchStepsPage>
  );
}
