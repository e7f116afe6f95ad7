// The draft as it stands after its order: an application whose order was paid (on the pay-result page, after
// an app kill, anywhere) is finished, so its draft and the personal data in it are removed.
import { getOrder } from '../../api/orders';
import { draftAfterOrder, type InsuranceDraft } from './domain/insurance-draft';
import { clearDraft, loadDraft, saveDraft } from './services/draft';

export async function loadLiveDraft(): Promise<InsuranceDraft | undefined> {
  const draft = await loadDraft();
  const orderId = draft?.purchase?.orderId;
  if (!draft || !orderId) return draft;
  const order = await getOrder(orderId);
  // Offline or unknown: keep the draft; paying again replays the same order.
  if (!order.ok) return draft;
  const next = draftAfterOrder(draft, order.data.status);
  if (!next) await clearDraft();
  else if (next !== draft) await saveDraft(next);
  return next;
}
