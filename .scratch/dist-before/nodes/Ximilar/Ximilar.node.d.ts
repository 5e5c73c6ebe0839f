import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { ximilarApiTest } from './methods/credentialTest';
/**
 * The node only wires: the services are data (catalog/), the UI is built from them
 * (description/), and one execute() batches records across items (actions/, execution/),
 * which n8n's declarative routing cannot do (it sends one request per item).
 */
export declare class Ximilar implements INodeType {
    description: INodeTypeDescription;
    methods: {
        credentialTest: {
            ximilarApiTest: typeof ximilarApiTest;
        };
    };
    execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}
