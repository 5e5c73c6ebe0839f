import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
/**
 * Receives the callback Ximilar posts when an async job (card grading, upscaling) is done:
 * `{id, status, response}`. Callbacks without the secret header are refused with 401 and
 * start nothing; the Ximilar node sends that header with every job in Webhook mode.
 */
export declare class XimilarTrigger implements INodeType {
    description: INodeTypeDescription;
    /**
     * Ximilar has no webhook registry: the URL travels with each job. Nothing to register or
     * remove, so activation always succeeds and the URL is live while the workflow is published.
     */
    webhookMethods: {
        default: {
            checkExists(this: IHookFunctions): Promise<boolean>;
            create(this: IHookFunctions): Promise<boolean>;
            delete(this: IHookFunctions): Promise<boolean>;
        };
    };
    webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
}
