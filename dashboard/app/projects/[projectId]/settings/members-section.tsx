import { type Member, Role } from '@gosight/proto/v1/project_service_pb';
import { renderApiError } from '@/components/api-error-notice';
import { ROLE_LABELS } from '@/lib/api/me';
import { listMembers } from '@/lib/api/projects';
import { addMemberAction, changeRoleAction, removeMemberAction } from './actions';
import styles from './settings.module.css';

const ROLES = [Role.OWNER, Role.ADMIN, Role.MEMBER, Role.VIEWER];

function RoleSelect({ value, label }: { value: Role; label: string }) {
  return (
    <select name="role" defaultValue={value} aria-label={label}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}

export async function MembersSection({ projectId }: { projectId: string }) {
  let members: Member[];
  try {
    members = await listMembers(projectId);
  } catch (err) {
    return renderApiError(err);
  }
  return (
    <>
      <h2>Members and roles</h2>
      <p className="muted">
        Owner: everything, including granting Owner. Admin: members, keys, settings and alerts. Member:
        analytics and replays. Viewer: analytics only, no replays or recorded content. A project always keeps
        one Owner.
      </p>
      <table className="table" data-testid="members">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} data-testid={`member-${member.email}`}>
              <td>{member.name || <span className="muted">no name</span>}</td>
              <td>{member.email}</td>
              <td>
                <form
                  action={changeRoleAction.bind(null, projectId, member.userId)}
                  className={styles.rowActions}
                >
                  <RoleSelect value={member.role} label={`Role of ${member.email}`} />
                  <button type="submit">Change role</button>
                </form>
              </td>
              <td>
                <form action={removeMemberAction.bind(null, projectId, member.userId)}>
                  <button type="submit" aria-label={`Remove ${member.email}`}>
                    Remove
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Add a member</h3>
      <form action={addMemberAction.bind(null, projectId)} className="inline-form" data-testid="add-member">
        <input
          name="email"
          type="email"
          required
          placeholder="name@example.com"
          aria-label="Email of the member"
        />
        <RoleSelect value={Role.VIEWER} label="Role of the new member" />
        <button type="submit">Add member</button>
      </form>
      <p className="muted">The person needs a GoSight account first; an administrator creates it.</p>
    </>
  );
}
