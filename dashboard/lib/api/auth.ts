import { createClient } from '@connectrpc/connect';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { transport } from './client';

/** Login and logout run before (or after) there is a session token, so they call the API directly. */
export const authClient = createClient(AuthService, transport);
